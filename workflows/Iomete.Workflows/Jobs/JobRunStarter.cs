using Iomete.Platform.Time;
using Iomete.Workflows.Runs;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace Iomete.Workflows.Jobs;

/// <summary>What starts a job run: the job (read already), who asks, and the run's own settings (null = the job's).</summary>
public sealed record JobRunStart(
    JobInfo Job, string CreatedBy, RunTrigger Trigger, string? Overrides, RunPriority? Priority, JobRetryPolicy? Retry,
    int? MaxExecutionSeconds, string? RunAs, string? DedupeKey);

/// <summary>
/// Records a job run (PENDING) and starts its orchestration (instance id = run id). With a dedupe key, a second start returns the first
/// run (and starts its orchestration if a crash came between the two steps).
/// </summary>
public sealed class JobRunStarter(WorkflowRunStore runs, DurableTaskClient client, IIdGenerator ids, TimeProvider clock)
{
    public async Task<(WorkflowRun Run, bool Created)> StartAsync(JobRunStart start, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(start);
        var job = start.Job;
        var priority = start.Priority ?? (string.Equals(job.Priority, "HIGH", StringComparison.OrdinalIgnoreCase) ? RunPriority.High : RunPriority.Normal);
        var (run, created) = await runs.InsertAsync(new WorkflowRun
        {
            Id = ids.NewId(),
            DomainId = job.DomainId,
            Kind = RunKind.Job,
            Name = job.Name,
            State = WorkflowRunState.Pending,
            StateMessage = $"Waiting in the {WorkflowRunRow.Upper(priority)} queue of namespace '{job.Namespace}'",
            Trigger = start.Trigger,
            Priority = priority,
            Namespace = job.Namespace,
            JobId = job.Id,
            RunAs = start.RunAs ?? job.RunAs,
            CreatedBy = start.CreatedBy,
            Parameters = start.Overrides,
            DedupeKey = start.DedupeKey,
            CreatedAt = clock.GetUtcNow(),
        }, ct);
        if (created || await client.GetInstanceAsync(run.Id, ct) is null)
        {
            await client.ScheduleNewOrchestrationInstanceAsync(JobRunNames.Orchestration, new JobRunRequest
            {
                RunId = run.Id,
                DomainId = run.DomainId,
                JobId = job.Id,
                RunAs = start.RunAs,
                Overrides = start.Overrides,
                Priority = priority,
                Retry = start.Retry,
                MaxExecutionSeconds = start.MaxExecutionSeconds,
            }, new StartOrchestrationOptions(run.Id), ct);
        }
        return (run, created);
    }
}
