using System.Collections.Concurrent;
using Iomete.Engine.Reads;
using Iomete.Iceberg.Expressions;
using Iomete.Iceberg.Json;
using Iomete.Iceberg.Metadata;

namespace Iomete.Engine.Sessions.Mirror;

/// <summary>
/// The DuckDB relation of a table snapshot, planned once: a metadata file never changes, so (metadata location, snapshot)
/// identifies the plan for every session. Bounded; when full, it starts over (plans are cheap to redo, just not per query).
/// </summary>
internal sealed class RelationCache(IcebergTableReader reader, int capacity = 512)
{
    private readonly ConcurrentDictionary<(string Location, long? Snapshot, bool Provenance, string? Filter), string> relations = new();

    public IcebergTableReader Reader => reader;

    /// <param name="filter">Prunes partitions and files by the query's simple predicates (and filters the rows by them).</param>
    public async Task<string> RelationSqlAsync(
        string metadataLocation, TableMetadata metadata, long? snapshotId, bool provenance, CancellationToken ct, Expression? filter = null)
    {
        var key = (metadataLocation, snapshotId, provenance, filter is null ? null : ExpressionJson.ToJson(filter));
        if (relations.TryGetValue(key, out var sql))
        {
            return sql;
        }
        var plan = await reader.PlanAsync(metadata, snapshotId, filter, ct);
        sql = provenance ? reader.RelationSqlWithProvenance(plan) : reader.RelationSql(plan);
        if (relations.Count >= capacity)
        {
            relations.Clear();
        }
        relations[key] = sql;
        return sql;
    }
}
