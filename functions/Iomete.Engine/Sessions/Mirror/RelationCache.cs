using System.Collections.Concurrent;
using Iomete.Engine.Reads;
using Iomete.Iceberg.Metadata;

namespace Iomete.Engine.Sessions.Mirror;

/// <summary>
/// The DuckDB relation of a table snapshot, planned once: a metadata file never changes, so (metadata location, snapshot)
/// identifies the plan for every session. Bounded; when full, it starts over (plans are cheap to redo, just not per query).
/// </summary>
internal sealed class RelationCache(IcebergTableReader reader, int capacity = 512)
{
    private readonly ConcurrentDictionary<(string Location, long? Snapshot, bool Provenance), string> relations = new();

    public IcebergTableReader Reader => reader;

    public async Task<string> RelationSqlAsync(string metadataLocation, TableMetadata metadata, long? snapshotId, bool provenance, CancellationToken ct)
    {
        var key = (metadataLocation, snapshotId, provenance);
        if (relations.TryGetValue(key, out var sql))
        {
            return sql;
        }
        var plan = await reader.PlanAsync(metadata, snapshotId, null, ct);
        sql = provenance ? reader.RelationSqlWithProvenance(plan) : reader.RelationSql(plan);
        if (relations.Count >= capacity)
        {
            relations.Clear();
        }
        relations[key] = sql;
        return sql;
    }
}
