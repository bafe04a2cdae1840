using System.ComponentModel.DataAnnotations;
using ValidationException = Iomete.Platform.Errors.ValidationException;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.IcebergRest.Catalogs;

public sealed record CreateCatalogRequest(
    [property: Required, StringLength(128, MinimumLength = 1), RegularExpression("^[a-z0-9_]+$", ErrorMessage = "Use lowercase letters, digits and underscores.")]
    string Name,
    [property: StringLength(2048)] string? Warehouse = null,
    IReadOnlyDictionary<string, string>? Properties = null);

public sealed class CreateCatalog(ICallerAccessor callers, IAccessControl access, CatalogStore catalogs)
{
    [Function("iceberg-catalogs-create")]
    [OpenApiOperation("Spark catalogs", "Create a managed Iceberg catalog",
        Description = "The warehouse defaults to the object store's root plus the catalog name.")]
    [OpenApiRequestBody(typeof(CreateCatalogRequest))]
    [OpenApiResponse(201, typeof(CatalogView))]
    [OpenApiResponse(400)]
    [OpenApiResponse(409, Description = "A catalog with that name exists")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/admin/catalogs")] HttpRequest request,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        access.RequireAdminRole(caller, AdminRole.SparkCatalogManager);
        var body = await RequestBody.ReadAsync<CreateCatalogRequest>(request, ct);
        var warehouse = string.IsNullOrWhiteSpace(body.Warehouse) ? catalogs.DefaultWarehouse(body.Name) : body.Warehouse.Trim().TrimEnd('/');
        if (!Uri.TryCreate(warehouse, UriKind.Absolute, out _))
        {
            throw ValidationException.ForField("warehouse", "Must be an absolute URI such as s3://bucket/path or file:///path.");
        }
        var created = await catalogs.CreateAsync(body.Name, warehouse, body.Properties ?? new Dictionary<string, string>(), ct);
        return ApiResults.Created(created, $"/api/v1/admin/catalogs/{created.Name}");
    }
}
