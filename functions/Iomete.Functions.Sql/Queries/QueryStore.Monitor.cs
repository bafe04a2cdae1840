using Dapper;
using Iomete.Functions.Sql.Monitoring;
using Iomete.Platform.Http;

namespace Iomete.Functions.Sql.Queries;

public sealed partial class QueryStore
{
    /// <summary>How long a query ran, or has been running (<c>@Now</c> must be bound).</summary>
    public const string DurationSql = "(COALESCE(finished_ms, @Now) - COALESCE(started_ms, finished_ms, @Now))";

    /// <summary>The monitoring list: every filter of <see cref="MonitorFilter"/> and a text search over the SQL.</summary>
    public async Task<Page<QueryView>> MonitorAsync(MonitorFilter filter, ListQuery query, CancellationToken ct)
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

    /// <summary>Deletes finished query records submitted before <paramref name="beforeMs"/>; returns how many.</summary>
    public async Task<int> PurgeFinishedAsync(long beforeMs, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM sql_queries WHERE submitted_ms < @Before AND status IN ('COMPLETED', 'FAILED', 'CANCELLED', 'RESULT_EXPIRED') AND result_key IS NULL",
            new { Before = beforeMs }, cancellationToken: ct));
    }
}
