using Iomete.Iceberg.Scan;
using Iomete.Iceberg.Schemas;

namespace Iomete.Engine.Reads;

/// <summary>
/// What a read returns: the columns (<see cref="Schema"/>: the current schema, or the snapshot's schema for time travel)
/// and the scan plan (snapshot, bound filter, data files with their delete files, pruning metrics).
/// </summary>
/// <param name="ColumnsMatchByName">
/// True when every schema the table ever had equals <paramref name="Schema"/>: every data file then names its columns
/// as the read does, and DuckDB can read them by name (which keeps its Parquet statistics and cardinality estimates —
/// a <c>schema</c> map hides them and ruins join orders).
/// </param>
public sealed record TableReadPlan(Schema Schema, ScanPlan Scan, bool ColumnsMatchByName = false)
{
    /// <summary>The snapshot read; null for a table without snapshots (the relation is empty).</summary>
    public long? SnapshotId => Scan.Snapshot?.SnapshotId;
}
