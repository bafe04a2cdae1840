using Iomete.Functions.Maintenance.Runs;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Maintenance.Settings;

/// <summary>Saves a table's overrides as a whole (omitted operations INHERIT, omitted thresholds are the catalog's).</summary>
public sealed class PutTableSettings(ICallerAccessor callers, TableAccess tables, SettingsStore store)
{
    [Function("maintenance-table-settings-put")]
    [OpenApiOperation("Table maintenance", "Save a table's maintenance overrides (INHERIT, ENABLED or DISABLED per operation, and thresholds); needs ALTER on the table")]
    [OpenApiRequestBody(typeof(TableMaintenanceOverrides))]
    [OpenApiResponse(200, typeof(TableSettingsView))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/v1/domains/{domain}/compaction/tables/{catalog}/{database}/{table}")] HttpRequest request,
        string domain,
        string catalog,
        string database,
        string table,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        await tables.RequireDomainAsync(caller, domain, ct);
        var overrides = await RequestBody.ReadAsync<TableMaintenanceOverrides>(request, ct);
        SettingsValidation.ThrowIfInvalid(overrides.Problems());
        var name = new TableName(catalog, database, table);
        await tables.RequireAsync(caller, domain, name, change: true, "SET_TABLE_MAINTENANCE", ct);
        await tables.RequireTableExistsAsync(name, ct);
        var stored = await store.PutTableAsync(catalog, database, table, overrides, caller.UserId, ct);
        var effective = EffectiveSettings.Of((await store.GetCatalogAsync(catalog, ct)).Settings, stored.Overrides);
        return ApiResults.Ok(new TableSettingsView(catalog, database, table, stored.Overrides, effective, stored.UpdatedBy, stored.UpdatedAt));
    }
}
