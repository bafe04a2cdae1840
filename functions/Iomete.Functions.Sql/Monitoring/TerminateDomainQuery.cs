using Iomete.Functions.Sql.Queries;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Sql.Monitoring;

/// <summary>Terminates a submitted or running query of the domain: its owner, a domain manager or a super admin.</summary>
public sealed class TerminateDomainQuery(ICallerAccessor callers, QueryAccess access, QueryCanceller canceller)
{
    [Function("sql-monitoring-domain-terminate")]
    [OpenApiOperation("Query monitoring", "Terminate a submitted or running query",
        Description = "The query ends CANCELLED with cancelledBy set to the caller; 409 when it has already ended.")]
    [OpenApiResponse(200, typeof(QueryView))]
    [OpenApiResponse(404)]
    [OpenApiResponse(409)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/domains/{domain}/query-monitoring/queries/{id}/terminate")] HttpRequest request,
        string domain,
        string id,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        var row = await access.RequireQueryAsync(caller, domain, id, ct);
        return ApiResults.Ok((await canceller.CancelAsync(row, caller.UserId, ct)).ToView());
    }
}
