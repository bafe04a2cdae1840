using Iomete.Functions.Sql.Queries;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Sql.Results;

/// <summary>A page of a result: values are JSON-typed (see <c>docs/sql.md</c>).</summary>
public sealed record ResultPage(
    IReadOnlyList<ResultColumn> Columns, IReadOnlyList<object?[]> Rows, long Offset, int Limit, long Total, bool Truncated);

public sealed class GetQueryResults(ICallerAccessor callers, QueryAccess access, QueryStore store, ResultStore results)
{
    public const int MaxLimit = 10_000;

    [Function("sql-queries-results")]
    [OpenApiOperation("SQL queries", "Read a page of a completed query's result")]
    [OpenApiQuery("offset", "First row (0-based)", Type = "integer")]
    [OpenApiQuery("limit", "Rows per page (1-10000, default 100)", Type = "integer")]
    [OpenApiResponse(200, typeof(ResultPage))]
    [OpenApiResponse(404)]
    [OpenApiResponse(409, Description = "The query has not completed")]
    [OpenApiResponse(410, Description = "The result expired")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/domains/{domain}/sql/queries/{id}/results")] HttpRequest request,
        string domain,
        string id,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        var offset = ListQuery.ReadInt(request, "offset", 0, 0, int.MaxValue);
        var limit = ListQuery.ReadInt(request, "limit", 100, 1, MaxLimit);
        var row = await access.RequireQueryAsync(caller, domain, id, ct);
        var key = ResultAccess.RequireReadable(row, store.NowMs);
        var rows = key is null ? [] : await results.ReadPageAsync(key, offset, limit, ct);
        return ApiResults.Ok(new ResultPage(row.ParsedColumns ?? [], rows, offset, limit, row.ResultRows ?? 0, row.Truncated));
    }
}
