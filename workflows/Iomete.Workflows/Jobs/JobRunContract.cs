using Iomete.Workflows.Runs;

namespace Iomete.Workflows.Jobs;

/// <summary>
/// Input of the job-run orchestration (<see cref="JobRunNames.Orchestration"/>, instance id = <see cref="RunId"/>): the run
/// record exists already (see <see cref="CreateRunActivity"/>). Null fields take the job's own settings.
/// </summary>
public sealed record JobRunRequest
{
    public required string RunId { get; init; }
    public required string DomainId { get; init; }
    public required string JobId { get; init; }
    /// <summary>The user the job runs as; null: the job's run-as user.</summary>
    public string? RunAs { get; init; }
    /// <summary>The job service's run overrides (arguments, envVars, sparkConf, …) as a JSON object text; parameters of a pipeline land here.</summary>
    public string? Overrides { get; init; }
    public RunPriority? Priority { get; init; }
    public JobRetryPolicy? Retry { get; init; }
    public int? MaxExecutionSeconds { get; init; }
}

/// <summary>Retries of a failed submission or run: attempts in all (1 = no retry), first delay, backoff factor, delay cap.</summary>
public sealed record JobRetryPolicy(int MaxAttempts = 1, int DelaySeconds = 30, double BackoffCoefficient = 2.0, int? MaxDelaySeconds = null);

/// <summary>How a job run ended: a terminal <see cref="WorkflowRunState"/>, the job service's run id, and a message.</summary>
public sealed record JobRunOutcome(WorkflowRunState State, string? ExternalRunId, string? Message, string? Output = null);

public static class JobRunNames
{
    public const string Orchestration = "job-run";
}
