using Iomete.Iceberg.Expressions;
using Iomete.Iceberg.Manifests;
using Iomete.Iceberg.Metadata;
using Iomete.Iceberg.Schemas;

namespace Iomete.Iceberg.Scan;

/// <summary>
/// What to scan: a table at a snapshot (by id, or by branch/tag name, or the current snapshot when both are null),
/// filtered by an unbound row filter bound with <see cref="CaseSensitive"/>. With <see cref="UseSnapshotSchema"/> the
/// filter binds to the schema the snapshot was written with (time travel), otherwise to the current schema.
/// </summary>
public sealed record TableScan(TableMetadata Metadata)
{
    public long? SnapshotId { get; init; }

    public string? RefName { get; init; }

    public Expression Filter { get; init; } = Expression.True;

    public bool CaseSensitive { get; init; } = true;

    public bool UseSnapshotSchema { get; init; }
}

/// <summary>A data or delete file as planned: the file, its partition spec id and its sequence numbers.</summary>
public sealed record ScanFile(DataFile File, int SpecId, long DataSequenceNumber, long FileSequenceNumber);

/// <summary>A data file to read with the delete files that apply to it (position deletes first, then equality deletes).</summary>
public sealed record FileScanTask(ScanFile DataFile, IReadOnlyList<ScanFile> DeleteFiles);

/// <summary>Pruning statistics of a plan (names follow Java's ScanMetrics).</summary>
public sealed record ScanMetrics(
    int TotalDataManifests,
    int ScannedDataManifests,
    int SkippedDataManifests,
    int TotalDeleteManifests,
    int ScannedDeleteManifests,
    int SkippedDeleteManifests,
    int ResultDataFiles,
    int SkippedDataFiles,
    int IndexedDeleteFiles,
    int ResultDeleteFiles);

/// <summary>
/// The planned scan: the snapshot read (null for a table without snapshots, then there are no tasks), the schema the
/// filter was bound to, the bound filter, the tasks in manifest order and the pruning statistics.
/// </summary>
public sealed record ScanPlan(Snapshot? Snapshot, Schema Schema, Expression BoundFilter, IReadOnlyList<FileScanTask> Tasks, ScanMetrics Metrics);

/// <summary>The scan names a snapshot id or ref that the table does not have.</summary>
public sealed class SnapshotNotFoundException(string message) : Exception(message);
