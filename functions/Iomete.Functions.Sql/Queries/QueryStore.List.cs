using Dapper;
using Iomete.Functions.Sql.Monitoring;
using Iomete.Platform.Http;

namespace Iomete.Functions.Sql.Queries;

public sealed partial class QueryStore
{
    /// <summary>The history's sort keys; monitoring adds more (<see cref="MonitorFilter.Sortable"/>).</summary>
    public static readonly IReadOnlyDictionary<string, string> Sortable = new Dictionary<string, string>
    {
        ["submittedAt"] = "submitted_ms",
        ["finishedAt"] = "finished_ms",
        ["status"] = "status",
        ["computeCluster"] = "compute",
    };

    /// <summary>The history and the monitoring lists: every filter of <see cref="MonitorFilter"/> and a text search over the SQL.</summary>
    public async Task<Page<QueryView>> ListAsync(MonitorFilter filter, ListQuery query, CancellationToken ct)
    {
        var args = new DynamicParameters(new
        {
            filter.FromMs, filter.ToMs, filter.QueryId, filter.MinDurationMs, Now = NowMs,
            Pattern = query.SearchPattern, query.Limit, query.Offset,
        });
        var where = "submitted_ms >= @FromMs";
        if (filter.Domains is not null)
        {
            where += " AND domain IN " + InList(args, "Domain", filter.Domains);
        }
        if (filter.UserIds is not null)
        {
            where += " AND user_id IN " + InList(args, "User", filter.UserIds);
        }
        if (filter.ToMs is not null)
        {
            where += " AND submitted_ms < @ToMs";
        }
        if (filter.Statuses.Count > 0)
        {
            where += " AND status IN " + InList(args, "Status", filter.Statuses);
        }
        if (filter.Computes.Count > 0)
        {
            where += " AND compute IN " + InList(args, "Compute", filter.Computes);
        }
        if (filter.QueryId is not null)
        {
            where += " AND id = @QueryId";
        }
        if (filter.MinDurationMs is not null)
        {
            where += $" AND {DurationSql} > @MinDurationMs";
        }
        if (query.SearchPattern is not null)
        {
            where += " AND LOWER(query_text) LIKE @Pattern ESCAPE '\\'";
        }
        await using var connection = await OpenAsync(ct);
        var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition($"SELECT COUNT(*) FROM sql_queries WHERE {where}", args, cancellationToken: ct));
        var rows = await connection.QueryAsync<QueryRow>(new CommandDefinition(
            $"SELECT {QueryRow.Columns} FROM sql_queries WHERE {where} ORDER BY {query.OrderBy}, id {(query.Descending ? "DESC" : "ASC")} LIMIT @Limit OFFSET @Offset",
            args, cancellationToken: ct));
        return new Page<QueryView>(rows.Select(r => r.ToView()).ToList(), total, query.Offset, query.Limit);
    }
}
