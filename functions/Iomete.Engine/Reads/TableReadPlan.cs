using Iomete.Iceberg.Scan;
using Iomete.Iceberg.Schemas;

namespace Iomete.Engine.Reads;

/// <summary>
/// What a read returns: the columns (<see cref="Schema"/>: the current schema, or the snapshot's schema for time travel)
/// and the scan plan (snapshot, bound filter, data files with their delete files, pruning metrics).
/// </summary>
public sealed record TableReadPlan(Schema Schema, ScanPlan Scan)
{
    /// <summary>The snapshot read; null for a table without snapshots (the relation is empty).</summary>
    public long? SnapshotId => Scan.Snapshot?.SnapshotId;
}
