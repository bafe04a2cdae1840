using System.ComponentModel.DataAnnotations;

namespace Iomete.Workflows.Hosting;

/// <summary>Where durable workflow state lives. Section <c>Iomete:Workflows</c>.</summary>
public sealed class WorkflowsOptions
{
    public const string Section = "Iomete:Workflows";

    /// <summary>
    /// <c>auto</c> (the metadata database's engine: SQLite file locally, PostgreSQL in a cluster), <c>sqlite</c>,
    /// <c>postgres</c>, or <c>memory</c> (nothing survives a restart; tests only).
    /// </summary>
    [RegularExpression("^(auto|sqlite|postgres|memory)$", ErrorMessage = "Backend must be auto, sqlite, postgres or memory.")]
    public string Backend { get; set; } = "auto";

    /// <summary>How long a worker holds a work item without renewing before another may take it (a crashed worker's items).</summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(60);

    [Range(1, 10_000)]
    public int MaxConcurrentOrchestrations { get; set; } = 100;

    [Range(1, 10_000)]
    public int MaxConcurrentActivities { get; set; } = 100;

    /// <summary>Loopback port of the in-process Durable Task sidecar; 0 picks a free one.</summary>
    [Range(0, 65535)]
    public int SidecarPort { get; set; }
}
