using Iomete.Functions.Sql.Queries;
using Iomete.Platform.Errors;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;

namespace Iomete.Functions.Sql.Results;

/// <param name="Purged">Finished query records older than <c>Iomete:Sql:QueryRecordRetention</c> that were deleted.</param>
public sealed record ExpireResult(int Expired, int Purged);

/// <summary>
/// Periodic clean-up: deletes result objects past their expiry and marks the queries RESULT_EXPIRED, then deletes finished
/// query records older than the retention.
/// </summary>
public sealed class ExpireQueryResults(ICallerAccessor callers, QueryStore store, ResultStore results, IOptions<SqlOptions> options)
{
    private const string SystemUserId = "system";
    private const int BatchSize = 500;

    [Function("sql-results-expire")]
    [CronBinding("sql-results-expire", "@every 5m")]
    [OpenApiOperation("Internal", "Delete expired query results (platform only)")]
    [OpenApiResponse(200, typeof(ExpireResult))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "internal/v1/sql/expire-results")] HttpRequest request,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        if (caller.UserId != SystemUserId || !caller.IsSuperAdmin)
        {
            throw new ForbiddenException("Only the platform's internal calls may use this route.");
        }
        var expired = 0;
        IReadOnlyList<QueryRow> due;
        do
        {
            due = await store.ExpiredAsync(store.NowMs, BatchSize, ct);
            foreach (var row in due)
            {
                await results.DeleteAsync(row.Id, ct);
                if (await store.TryExpireAsync(row.Id, ct))
                {
                    expired++;
                }
            }
        }
        while (due.Count == BatchSize);
        var purged = await store.PurgeFinishedAsync(store.NowMs - (long)options.Value.QueryRecordRetention.TotalMilliseconds, ct);
        return ApiResults.Ok(new ExpireResult(expired, purged));
    }
}
