using Grpc.Core;
using Iomete.Workflows.Jobs;
using Iomete.Workflows.Runs;
using Iomete.Workflows.SqlQueries;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace Iomete.Workflows.Schedules;

/// <summary>Creates and starts the runs of schedules (fires, manual triggers, backfills) and cancels them (REPLACE).</summary>
public sealed class ScheduleLauncher(DurableTaskClient client, WorkflowRunStore runs, TimeProvider clock)
{
    /// <summary>A new SCHEDULED run of the schedule (id to fill in); fire-time runs carry the dedupe key of their fire.</summary>
    public WorkflowRun NewRun(Schedule schedule, string id, RunTrigger trigger, DateTimeOffset? fireTime, string createdBy) => new()
    {
        Id = id,
        DomainId = schedule.DomainId,
        Kind = schedule.RunKind,
        Name = schedule.Name,
        State = WorkflowRunState.Scheduled,
        StateMessage = fireTime is { } f ? $"Scheduled for {f:O} ({WorkflowRunRow.Upper(trigger)})" : $"Run requested ({WorkflowRunRow.Upper(trigger)})",
        Trigger = trigger,
        JobId = schedule.Target.JobId,
        ScheduleId = schedule.Id,
        RunAs = schedule.Target.RunAs,
        CreatedBy = createdBy,
        Parameters = schedule.Target.Overrides,
        DedupeKey = fireTime is { } at ? Schedule.DedupeKey(schedule.Id, at) : null,
        ScheduledFor = fireTime,
        CreatedAt = clock.GetUtcNow(),
    };

    /// <summary>Records a run now (manual) or for a fire time (backfill); Created is false when that fire time has a run already.</summary>
    public async Task<(WorkflowRun Run, bool Created)> CreateAsync(
        Schedule schedule, RunTrigger trigger, DateTimeOffset? fireTime, string createdBy, CancellationToken ct) =>
        await runs.InsertAsync(NewRun(schedule, Guid.CreateVersion7(clock.GetUtcNow()).ToString(), trigger, fireTime, createdBy), ct);

    /// <summary>
    /// Starts the run's orchestration (instance id = run id) unless it started already; a run starting more than the schedule's
    /// late threshold after its fire time is marked LATE first. Returns whether this call started it.
    /// </summary>
    public async Task<bool> StartAsync(Schedule schedule, WorkflowRun run, CancellationToken ct)
    {
        if (run.State is not (WorkflowRunState.Scheduled or WorkflowRunState.Late))
        {
            return false;
        }
        if (run.Trigger == RunTrigger.Schedule && run.State == WorkflowRunState.Scheduled && run.ScheduledFor is { } fire
            && clock.GetUtcNow() - fire > TimeSpan.FromSeconds(schedule.LateAfterSeconds))
        {
            await runs.MoveAsync(run.Id, WorkflowRunState.Late,
                $"Late: starting {(clock.GetUtcNow() - fire).TotalSeconds:0.#} s after its fire time {fire:O} (threshold {schedule.LateAfterSeconds} s)", ct);
        }
        if (await client.GetInstanceAsync(run.Id, getInputsAndOutputs: false, ct) is not null)
        {
            return false;
        }
        var (name, input) = schedule.Target.Kind == ScheduleTargetKind.Job
            ? (JobRunNames.Orchestration, (object)new JobRunRequest
            {
                RunId = run.Id,
                DomainId = run.DomainId,
                JobId = schedule.Target.JobId!,
                RunAs = schedule.Target.RunAs,
                Overrides = schedule.Target.Overrides,
            })
            : (SqlQueriesOrchestration.Name, new SqlQueriesRequest
            {
                RunId = run.Id,
                DomainId = run.DomainId,
                Queries = schedule.Target.Queries,
                Compute = schedule.Target.Compute,
                Catalog = schedule.Target.Catalog,
                Database = schedule.Target.Database,
                RunAs = schedule.Target.RunAs ?? schedule.CreatedBy,
            });
        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(name, input, new StartOrchestrationOptions(run.Id), ct);
            return true;
        }
        catch (Exception e) when (e is InvalidOperationException or RpcException { StatusCode: StatusCode.AlreadyExists })
        {
            // Another replica (or a replay) started it a moment ago.
            return false;
        }
    }

    /// <summary>Cancels runs: those not started yet at once, the others through their orchestration's cancel event.</summary>
    public async Task CancelAsync(IEnumerable<WorkflowRun> active, string reason, CancellationToken ct)
    {
        foreach (var run in active)
        {
            if (run.State is WorkflowRunState.Scheduled or WorkflowRunState.Late
                && await client.GetInstanceAsync(run.Id, getInputsAndOutputs: false, ct) is null)
            {
                await runs.MoveAsync(run.Id, WorkflowRunState.Cancelled, reason, ct);
                continue;
            }
            await client.RaiseEventAsync(run.Id, WorkflowEvents.Cancel, reason, ct);
        }
    }
}
