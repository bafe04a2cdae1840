using Iomete.Platform.Errors;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.IcebergRest.Catalogs;

public sealed class GetCatalog(ICallerAccessor callers, IAccessControl access, CatalogStore catalogs)
{
    [Function("iceberg-catalogs-get")]
    [OpenApiOperation("Spark catalogs", "Get a managed Iceberg catalog")]
    [OpenApiResponse(200, typeof(CatalogView))]
    [OpenApiResponse(404)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/admin/catalogs/{name}")] HttpRequest request,
        string name,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        access.RequireAdminRole(caller, AdminRole.SparkCatalogManager, forRead: true);
        return ApiResults.Ok(await catalogs.FindAsync(name, ct) ?? throw new NotFoundException("Catalog", name));
    }
}
