using Iomete.Platform.Errors;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Maintenance.Runs;

/// <summary>Maintenance runs of every table the caller may see (newest first), filtered by table, operation and state.</summary>
public sealed class ListRuns(ICallerAccessor callers, IAccessControl access, TableAccess tables, RunStore runs)
{
    [Function("maintenance-runs-list")]
    [OpenApiOperation("Table maintenance", "List maintenance runs (runs of tables the caller cannot see are left out)")]
    [OpenApiPaged]
    [OpenApiQuery("catalog", "Only runs of this catalog")]
    [OpenApiQuery("database", "Only runs of this database")]
    [OpenApiQuery("table", "Only runs of this table")]
    [OpenApiQuery("operation", "REWRITE_DATA_FILES, REWRITE_MANIFESTS, EXPIRE_SNAPSHOTS or REMOVE_ORPHAN_FILES")]
    [OpenApiQuery("state", "PENDING, RUNNING, COMPLETED or FAILED")]
    [OpenApiResponse(200, typeof(Page<MaintenanceRun>))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/domains/{domain}/compaction/runs")] HttpRequest request,
        string domain,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        var query = RunQueries.Page(request);
        var filter = RunQueries.Filter(request, null);
        if (!await access.CanAccessDomainAsync(caller, domain, ct))
        {
            throw new ForbiddenException($"You are not a member of domain '{domain}'.");
        }
        return ApiResults.Ok(await RunQueries.VisibleAsync(await runs.ListAsync(filter, query, ct), caller, tables, ct));
    }
}
