using System.ComponentModel.DataAnnotations;

namespace Iomete.Functions.Clusters.Jobs;

/// <summary>Spark job settings, section <c>Iomete:Clusters:Jobs</c>.</summary>
public sealed class SparkJobsOptions
{
    public const string Section = "Iomete:Clusters:Jobs";

    /// <summary>The shortest <c>maxExecutionDurationSeconds</c> a job may set (IOMETE: 60).</summary>
    [Range(1, 86_400)]
    public long MinExecutionDurationSeconds { get; set; } = 60;

    /// <summary>The global cap on <c>maxExecutionDurationSeconds</c>.</summary>
    [Range(60, 365L * 86_400)]
    public long MaxExecutionDurationSecondsLimit { get; set; } = 7 * 86_400;

    /// <summary>How often runs are checked for their execution timeout and finished applications are collected.</summary>
    [Range(50, 3_600_000)]
    public int SweepIntervalMs { get; set; } = 30_000;
}
