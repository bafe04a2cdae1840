using Iomete.Platform.Errors;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Maintenance.Runs;

public sealed class GetRun(ICallerAccessor callers, TableAccess tables, RunStore runs)
{
    [Function("maintenance-runs-get")]
    [OpenApiOperation("Table maintenance", "A maintenance run: state, reason, summary, before/after metrics and timestamps")]
    [OpenApiResponse(200, typeof(MaintenanceRun))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/domains/{domain}/compaction/runs/{id}")] HttpRequest request,
        string domain,
        string id,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        await tables.RequireDomainAsync(caller, domain, ct);
        var run = await runs.GetAsync(id, ct) ?? throw new NotFoundException("Maintenance run", id);
        await tables.RequireAsync(caller, domain, new TableName(run.Catalog, run.Database, run.Table), change: false, "GET_MAINTENANCE_RUN", ct);
        return ApiResults.Ok(run);
    }
}
