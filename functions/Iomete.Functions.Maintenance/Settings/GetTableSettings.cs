using Iomete.Functions.Maintenance.Runs;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Maintenance.Settings;

public sealed class GetTableSettings(ICallerAccessor callers, TableAccess tables, SettingsStore store)
{
    [Function("maintenance-table-settings-get")]
    [OpenApiOperation("Table maintenance", "A table's maintenance overrides and the settings that apply to it")]
    [OpenApiResponse(200, typeof(TableSettingsView))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/domains/{domain}/compaction/tables/{catalog}/{database}/{table}")] HttpRequest request,
        string domain,
        string catalog,
        string database,
        string table,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        var name = new TableName(catalog, database, table);
        await tables.RequireAsync(caller, domain, name, change: false, "GET_TABLE_MAINTENANCE", ct);
        var stored = await store.GetTableAsync(catalog, database, table, ct);
        var effective = EffectiveSettings.Of((await store.GetCatalogAsync(catalog, ct)).Settings, stored.Overrides);
        return ApiResults.Ok(new TableSettingsView(catalog, database, table, stored.Overrides, effective, stored.UpdatedBy, stored.UpdatedAt));
    }
}
