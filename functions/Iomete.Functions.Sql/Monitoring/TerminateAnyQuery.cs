using Iomete.Functions.Sql.Queries;
using Iomete.Platform.Errors;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Sql.Monitoring;

/// <summary>The admin terminates any domain's submitted or running query.</summary>
public sealed class TerminateAnyQuery(ICallerAccessor callers, IAccessControl access, QueryStore store, QueryCanceller canceller)
{
    [Function("sql-monitoring-admin-terminate")]
    [OpenApiOperation("Query monitoring", "Terminate any submitted or running query (admin)", Description = "Needs DOMAIN_MANAGER.")]
    [OpenApiResponse(200, typeof(QueryView))]
    [OpenApiResponse(404)]
    [OpenApiResponse(409)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/admin/query-monitoring/queries/{id}/terminate")] HttpRequest request,
        string id,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        access.RequireAdminRole(caller, AdminRole.DomainManager);
        var row = await store.FindAsync(id, ct) ?? throw new NotFoundException("Query", id);
        return ApiResults.Ok((await canceller.CancelAsync(row, caller.UserId, ct)).ToView());
    }
}
