using Iomete.Workflows.Runs;

namespace Iomete.Functions.Orchestrator.JobRuns;

/// <summary>A job run as the API shows it (a workflow run of kind JOB); <see cref="ExternalRunId"/> is the Spark run it started.</summary>
public sealed record JobRunView(
    string Id, string DomainId, RunKind Kind, string Name, string? JobId, string State, string? StateMessage, RunTrigger Trigger, RunPriority Priority,
    string? Namespace, int Attempt, string? ExternalRunId, string? RunAs, string? CreatedBy, string? Parameters, string? Output,
    DateTimeOffset CreatedAt, DateTimeOffset? StartedAt, DateTimeOffset? EndedAt)
{
    public static JobRunView From(WorkflowRun run) => new(
        run.Id, run.DomainId, run.Kind, run.Name, run.JobId, run.State.Name(), run.StateMessage, run.Trigger, run.Priority, run.Namespace, run.Attempt,
        run.ExternalRunId, run.RunAs, run.CreatedBy, run.Parameters, run.Output, run.CreatedAt, run.StartedAt, run.EndedAt);
}
