using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Sql.Queries;

/// <summary>The owner (or a domain manager) cancels a submitted or running query.</summary>
public sealed class CancelQuery(ICallerAccessor callers, QueryAccess access, QueryCanceller canceller)
{
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
        var final = await canceller.CancelAsync(row, caller.UserId, ct);
        return ApiResults.Ok(final.ToView());
    }
}
