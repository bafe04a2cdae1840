using Iomete.Functions.Maintenance.Execution;
using Iomete.Platform.Errors;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Maintenance.Runs;

/// <summary>
/// Stops a run: a PENDING one fails at once ("Cancelled on request"); a RUNNING one stops at its executor's next heartbeat,
/// before its commit (a commit already sent lands). 409 for a run that has ended.
/// </summary>
public sealed class CancelRun(ICallerAccessor callers, TableAccess tables, RunStore runs, RunExecutor executor)
{
    [Function("maintenance-runs-cancel")]
    [OpenApiOperation("Table maintenance", "Cancel a maintenance run (409 when it has ended); needs ALTER on the table")]
    [OpenApiResponse(200, typeof(MaintenanceRun))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/domains/{domain}/compaction/runs/{id}/cancel")] HttpRequest request,
        string domain,
        string id,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        await tables.RequireDomainAsync(caller, domain, ct);
        var run = await runs.GetAsync(id, ct) ?? throw new NotFoundException("Maintenance run", id);
        await tables.RequireAsync(caller, domain, new TableName(run.Catalog, run.Database, run.Table), change: true, "CANCEL_MAINTENANCE_RUN", ct);
        if (!run.IsActive)
        {
            throw new ConflictException($"Maintenance run {id} has ended ({RunRow.Stored(run.State)}); there is nothing to cancel.");
        }
        await executor.CancelAsync(id, ct);
        return ApiResults.Ok(await runs.GetAsync(id, ct) ?? run);
    }
}
