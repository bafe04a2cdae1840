using System.ComponentModel.DataAnnotations;

namespace Iomete.Functions.Clusters.Compute;

/// <summary>Lifecycle timing of compute clusters, section <c>Iomete:Clusters</c> (beside <see cref="ClustersOptions"/>).</summary>
public sealed class ComputeOptions
{
    /// <summary>How often due actor reminders (auto-suspend, automatic restart) are looked for.</summary>
    public TimeSpan ReminderPollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The pause before an automatic restart of a FAILED cluster (IOMETE: 10 s).</summary>
    public TimeSpan AutoRestartDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Automatic restarts after failures before the cluster stays FAILED (IOMETE: 5).</summary>
    [Range(0, 100)]
    public int AutoRestartAttempts { get; set; } = 5;

    /// <summary>The shortest idle timeout a cluster may set (IOMETE: 1 minute); lowered by tests.</summary>
    [Range(1, 10800)]
    public int MinAutoSuspendSeconds { get; set; } = 60;
}
