using System.ComponentModel.DataAnnotations;

namespace Iomete.Functions.Maintenance;

/// <summary>Table maintenance settings of the service (section <c>Iomete:Maintenance</c>); per-catalog settings live in the API.</summary>
public sealed class MaintenanceOptions
{
    public const string Section = "Iomete:Maintenance";

    /// <summary>False stops detection (manual runs still work).</summary>
    public bool DetectionEnabled { get; set; } = true;

    /// <summary>No automatic run of an operation on a table within this many minutes of the previous one.</summary>
    [Range(0, 10_080)]
    public int CooldownMinutes { get; set; } = 60;

    /// <summary>At most this many runs are started by one detection pass.</summary>
    [Range(1, 10_000)]
    public int MaxRunsPerPass { get; set; } = 50;

    /// <summary>How often a commit lost to a concurrent writer is planned again on fresh metadata.</summary>
    [Range(1, 100)]
    public int CommitAttempts { get; set; } = 5;

    /// <summary>A RUNNING run whose executor has not reported for this long is executed again (its replica is gone).</summary>
    [Range(10, 3600)]
    public int StaleAfterSeconds { get; set; } = 120;

    /// <summary>How often the executor reports that it is alive (and looks for a cancel request).</summary>
    [Range(1, 600)]
    public int HeartbeatSeconds { get; set; } = 10;

    /// <summary>Where compaction writes Parquet files before they are stored (null = a folder under the system temp folder).</summary>
    public string? ScratchDirectory { get; set; }
}
