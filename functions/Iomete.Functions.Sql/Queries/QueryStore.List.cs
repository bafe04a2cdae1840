using Dapper;
using Iomete.Platform.Http;

namespace Iomete.Functions.Sql.Queries;

/// <param name="UserId">Only this user's queries; null = every user of the domain.</param>
/// <param name="FromMs">Submitted at or after (epoch ms).</param>
/// <param name="ToMs">Submitted before (epoch ms), or null.</param>
public sealed record QueryFilter(string Domain, string? UserId, IReadOnlyList<string> Statuses, long FromMs, long? ToMs, string? Compute);

public sealed partial class QueryStore
{
    public static readonly IReadOnlyDictionary<string, string> Sortable = new Dictionary<string, string>
    {
        ["submittedAt"] = "submitted_ms",
        ["finishedAt"] = "finished_ms",
        ["status"] = "status",
        ["computeCluster"] = "compute",
    };

    public async Task<Page<QueryView>> ListAsync(QueryFilter filter, ListQuery query, CancellationToken ct)
    {
        var args = new DynamicParameters(new
        {
            filter.Domain, filter.UserId, filter.FromMs, filter.ToMs, filter.Compute,
            Pattern = query.SearchPattern, query.Limit, query.Offset,
        });
        var where = "domain = @Domain AND submitted_ms >= @FromMs";
        if (filter.UserId is not null)
        {
            where += " AND user_id = @UserId";
        }
        if (filter.ToMs is not null)
        {
            where += " AND submitted_ms < @ToMs";
        }
        if (filter.Statuses.Count > 0)
        {
            where += " AND status IN " + InList(args, "Status", filter.Statuses);
        }
        if (filter.Compute is not null)
        {
            where += " AND compute = @Compute";
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
