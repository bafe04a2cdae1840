using Iomete.Platform.Errors;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.IcebergRest.Catalogs;

public sealed class DeleteCatalog(ICallerAccessor callers, IAccessControl access, CatalogStore catalogs)
{
    [Function("iceberg-catalogs-delete")]
    [OpenApiOperation("Spark catalogs", "Delete a managed Iceberg catalog",
        Description = "Refused (409) for the default spark_catalog and for a catalog that still holds namespaces.")]
    [OpenApiResponse(204)]
    [OpenApiResponse(404)]
    [OpenApiResponse(409, Description = "The default catalog, or the catalog holds namespaces")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "api/v1/admin/catalogs/{name}")] HttpRequest request,
        string name,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        access.RequireAdminRole(caller, AdminRole.SparkCatalogManager);
        if (name == CatalogStore.DefaultCatalog)
        {
            throw new ConflictException($"The default catalog '{CatalogStore.DefaultCatalog}' cannot be deleted.");
        }
        if (!await catalogs.DeleteAsync(name, ct))
        {
            throw new NotFoundException("Catalog", name);
        }
        return ApiResults.NoContent();
    }
}
