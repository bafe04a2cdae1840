using Iomete.Platform.Errors;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Catalog.Sync;

public sealed class ReindexCatalog(ICallerAccessor callers, FullSync sync)
{
    [Function("catalog-index-reindex")]
    [OpenApiOperation("Data catalog", "Re-index the whole lakehouse now",
        Description = "Runs the full sync at once and answers with what it did: every catalog, database, table and view read again, entries the " +
                      "lakehouse no longer has marked deleted, annotations re-read, expired deleted entries removed.")]
    [OpenApiResponse(200, typeof(SyncSummary))]
    [OpenApiResponse(403, Description = "Needs ADMINISTRATION_MANAGER or SPARK_CATALOG_MANAGER")]
    [OpenApiResponse(409, Description = "A sync is already running")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/admin/data-catalog/sync")] HttpRequest request,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        if (!caller.HasAdminRole(AdminRole.AdministrationManager) && !caller.HasAdminRole(AdminRole.SparkCatalogManager))
        {
            throw new ForbiddenException("Re-indexing the data catalog needs the ADMINISTRATION_MANAGER or SPARK_CATALOG_MANAGER role.");
        }
        return ApiResults.Ok(await sync.RunAsync(ct));
    }
}
