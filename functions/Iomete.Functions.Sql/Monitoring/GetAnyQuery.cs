using Iomete.Functions.Sql.Queries;
using Iomete.Platform.Errors;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Sql.Monitoring;

/// <summary>One query of any domain with its metrics (admin view).</summary>
public sealed class GetAnyQuery(ICallerAccessor callers, IAccessControl access, QueryStore store, QueryRunner runner)
{
    [Function("sql-monitoring-admin-get")]
    [OpenApiOperation("Query monitoring", "One query of any domain (admin)", Description = "Needs DOMAIN_MANAGER (READ_ONLY_ADMIN may read).")]
    [OpenApiResponse(200, typeof(QueryView))]
    [OpenApiResponse(404)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/admin/query-monitoring/queries/{id}")] HttpRequest request,
        string id,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        access.RequireAdminRole(caller, AdminRole.DomainManager, forRead: true);
        var view = (await store.FindAsync(id, ct) ?? throw new NotFoundException("Query", id)).ToView();
        return ApiResults.Ok(view.Status == QueryStatus.Running ? view with { Progress = runner.Progress(id) } : view);
    }
}
