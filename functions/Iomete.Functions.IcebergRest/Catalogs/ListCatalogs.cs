using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.IcebergRest.Catalogs;

public sealed class ListCatalogs(ICallerAccessor callers, IAccessControl access, CatalogStore catalogs)
{
    [Function("iceberg-catalogs-list")]
    [OpenApiOperation("Spark catalogs", "List the managed Iceberg catalogs")]
    [OpenApiResponse(200, typeof(IReadOnlyList<CatalogView>))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/admin/catalogs")] HttpRequest request,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        access.RequireAdminRole(caller, AdminRole.SparkCatalogManager, forRead: true);
        return ApiResults.Ok(await catalogs.ListAsync(ct));
    }
}
