using Iomete.Platform.Errors;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Sql.Queries;

/// <summary>SUBMITTED → CANCELLED, or RUNNING → CANCELLING → CANCELLED with the engine call interrupted at once.</summary>
public sealed class CancelQuery(ICallerAccessor callers, QueryAccess access, QueryStore store, QueryRunner runner)
{
    private static readonly TimeSpan SettleWait = TimeSpan.FromSeconds(2);

    [Function("sql-queries-cancel")]
    [OpenApiOperation("SQL queries", "Cancel a submitted or running query")]
    [OpenApiResponse(200, typeof(QueryView))]
    [OpenApiResponse(404)]
    [OpenApiResponse(409)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/domains/{domain}/sql/queries/{id}/cancel")] HttpRequest request,
        string domain,
        string id,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        var row = await access.RequireQueryAsync(caller, domain, id, ct);
        if (row.ParsedStatus == QueryStatus.Submitted && await store.TryCancelQueuedAsync(id, ct))
        {
            // The runner's SUBMITTED → RUNNING swap now fails, so the query never starts.
            runner.Cancel(id);
        }
        else
        {
            if (!await store.TryRequestCancelAsync(id, ct))
            {
                var now = await store.FindAsync(id, ct);
                if (now is not null && now.ParsedStatus != QueryStatus.Cancelling)
                {
                    throw new ConflictException($"Query '{id}' is {QueryStatuses.Code(now.ParsedStatus)} and cannot be cancelled.");
                }
            }
            if (runner.Cancel(id))
            {
                await runner.WaitAsync(id, SettleWait, ct);
            }
            else
            {
                // Not running in this process: nothing to interrupt.
                await store.TryCancelledAsync(id, ct);
            }
        }
        var final = await store.FindAsync(id, ct) ?? throw new NotFoundException("Query", id);
        return ApiResults.Ok(final.ToView());
    }
}
