using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Maintenance.Runs;

/// <summary>One table's maintenance runs (newest first), filtered by operation and state.</summary>
public sealed class ListTableRuns(ICallerAccessor callers, TableAccess tables, RunStore runs)
{
    [Function("maintenance-table-runs-list")]
    [OpenApiOperation("Table maintenance", "List a table's maintenance runs")]
    [OpenApiPaged]
    [OpenApiQuery("operation", "REWRITE_DATA_FILES, REWRITE_MANIFESTS, EXPIRE_SNAPSHOTS or REMOVE_ORPHAN_FILES")]
    [OpenApiQuery("state", "PENDING, RUNNING, COMPLETED or FAILED")]
    [OpenApiResponse(200, typeof(Page<MaintenanceRun>))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/domains/{domain}/compaction/tables/{catalog}/{database}/{table}/runs")] HttpRequest request,
        string domain,
        string catalog,
        string database,
        string table,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        var name = new TableName(catalog, database, table);
        var query = RunQueries.Page(request);
        var filter = RunQueries.Filter(request, name);
        await tables.RequireAsync(caller, domain, name, change: false, "LIST_MAINTENANCE_RUNS", ct);
        return ApiResults.Ok(await runs.ListAsync(filter, query, ct));
    }
}
