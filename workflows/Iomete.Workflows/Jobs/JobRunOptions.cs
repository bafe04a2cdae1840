using System.ComponentModel.DataAnnotations;

namespace Iomete.Workflows.Jobs;

/// <summary>How job-run orchestrations talk to the job service. Section <c>Iomete:Workflows:JobRuns</c>.</summary>
public sealed class JobRunOptions
{
    public const string Section = "Iomete:Workflows:JobRuns";

    /// <summary>How often a running run's status is read when no state event arrived (the fallback of the <c>spark-runs</c> events).</summary>
    [Range(1, 3600)]
    public int PollSeconds { get; set; } = 10;

    /// <summary>Tries of a submission the job service could not take (5xx, unreachable) before the run is CRASHED.</summary>
    [Range(1, 20)]
    public int SubmitAttempts { get; set; } = 3;

    /// <summary>Delay before the second try of such a submission; it doubles for each further try.</summary>
    [Range(1, 3600)]
    public int SubmitRetryDelaySeconds { get; set; } = 5;
}
