using Iomete.Functions.Maintenance.Settings;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Maintenance.Runs;

public sealed record TriggerRunRequest(MaintenanceOperation Operation);

/// <summary>Starts a run now, whatever the settings and the cooldown say; 409 while one of the operation is active on the table.</summary>
public sealed class TriggerRun(ICallerAccessor callers, TableAccess tables, RunStarter starter)
{
    [Function("maintenance-runs-trigger")]
    [OpenApiOperation("Table maintenance", "Trigger a maintenance operation on a table now (409 while one is active); needs ALTER on the table")]
    [OpenApiRequestBody(typeof(TriggerRunRequest))]
    [OpenApiResponse(201, typeof(MaintenanceRun))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/domains/{domain}/compaction/tables/{catalog}/{database}/{table}/runs")] HttpRequest request,
        string domain,
        string catalog,
        string database,
        string table,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        await tables.RequireDomainAsync(caller, domain, ct);
        var body = await RequestBody.ReadAsync<TriggerRunRequest>(request, ct);
        var name = new TableName(catalog, database, table);
        await tables.RequireAsync(caller, domain, name, change: true, "TRIGGER_TABLE_MAINTENANCE", ct);
        await tables.RequireTableExistsAsync(name, ct);
        var run = await starter.StartAsync(name, body.Operation, MaintenanceTrigger.Manual, domain, caller.UserId, ct);
        return ApiResults.Created(run, $"/api/v1/domains/{Uri.EscapeDataString(domain)}/compaction/runs/{run.Id}");
    }
}
