using Iomete.Functions.Maintenance.Operations;
using Iomete.Platform.Errors;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Maintenance.Settings;

/// <summary>Saves a catalog's settings as a whole (omitted fields take their defaults).</summary>
public sealed class PutCatalogSettings(ICallerAccessor callers, IAccessControl access, SettingsStore store, PlatformCatalog platform)
{
    [Function("maintenance-catalog-settings-put")]
    [OpenApiOperation("Table maintenance", "Save a catalog's maintenance settings: master switch, per operation enabled and thresholds")]
    [OpenApiRequestBody(typeof(CatalogMaintenanceSettings))]
    [OpenApiResponse(200, typeof(CatalogSettingsView))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/v1/admin/compaction/catalogs/{catalog}")] HttpRequest request,
        string catalog,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        var settings = await RequestBody.ReadAsync<CatalogMaintenanceSettings>(request, ct);
        SettingsValidation.ThrowIfInvalid(settings.Problems());
        access.RequireAdminRole(caller, AdminRole.SparkCatalogManager);
        if (!(await platform.Catalog.ListCatalogsAsync(ct)).Contains(catalog, StringComparer.Ordinal))
        {
            throw new NotFoundException("Catalog", catalog);
        }
        return ApiResults.Ok(CatalogSettingsView.Of(await store.PutCatalogAsync(catalog, settings, caller.UserId, ct)));
    }
}
