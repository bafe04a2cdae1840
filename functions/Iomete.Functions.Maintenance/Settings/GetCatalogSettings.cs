using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Maintenance.Settings;

public sealed class GetCatalogSettings(ICallerAccessor callers, IAccessControl access, SettingsStore store)
{
    [Function("maintenance-catalog-settings-get")]
    [OpenApiOperation("Table maintenance", "A catalog's maintenance settings (defaults, disabled, when never saved)")]
    [OpenApiResponse(200, typeof(CatalogSettingsView))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/admin/compaction/catalogs/{catalog}")] HttpRequest request,
        string catalog,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        access.RequireAdminRole(caller, AdminRole.SparkCatalogManager, forRead: true);
        return ApiResults.Ok(CatalogSettingsView.Of(await store.GetCatalogAsync(catalog, ct)));
    }
}
