using Iomete.Functions.Maintenance.Settings;

namespace Iomete.Functions.Maintenance.Runs;

public enum MaintenanceRunState
{
    Pending,
    Running,
    Completed,
    Failed,
}

/// <summary>AUTOMATIC: started by detection; MANUAL: started through the API.</summary>
public enum MaintenanceTrigger
{
    Automatic,
    Manual,
}

/// <summary>What a table looked like before or after a run (current snapshot: live data and delete files, manifests; all snapshots).</summary>
public sealed record TableMetrics(
    long DataFiles,
    long SmallFiles,
    long DeleteFiles,
    long TotalSizeBytes,
    long Records,
    int Manifests,
    int Snapshots,
    DateTimeOffset? OldestSnapshotAt);

/// <summary>One maintenance run of one operation on one table.</summary>
public sealed record MaintenanceRun
{
    public required string Id { get; init; }

    /// <summary>The domain a manual run was started in; null for automatic runs (catalogs are platform-wide).</summary>
    public string? Domain { get; init; }

    public required string Catalog { get; init; }

    public required string Database { get; init; }

    public required string Table { get; init; }

    public required MaintenanceOperation Operation { get; init; }

    public required MaintenanceRunState State { get; init; }

    /// <summary>Why a run FAILED (or what it found, for a run that had nothing to do).</summary>
    public string? Reason { get; init; }

    /// <summary>What the run did, e.g. "Rewrote 200 data files into 1".</summary>
    public string? Summary { get; init; }

    public required MaintenanceTrigger Trigger { get; init; }

    public required string CreatedBy { get; init; }

    public TableMetrics? Before { get; init; }

    public TableMetrics? After { get; init; }

    public bool CancelRequested { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? StartedAt { get; init; }

    public DateTimeOffset? EndedAt { get; init; }

    public DateTimeOffset? HeartbeatAt { get; init; }

    public bool IsActive => State is MaintenanceRunState.Pending or MaintenanceRunState.Running;
}
