using Iomete.Functions.IcebergRest.Authorization;
using Iomete.Functions.IcebergRest.Objects;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.IcebergRest.Views;

public sealed class ViewExists(CatalogGate gate, ViewCatalog views)
{
    [Function("iceberg-views-exists")]
    [OpenApiOperation("Iceberg REST catalog", "Check that a view exists", Description = "204 when it exists, 404 when not (also when a table holds the name).")]
    [OpenApiResponse(204)]
    [OpenApiResponse(404)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "head", Route = "catalogs/{catalog}/v1/{prefix}/namespaces/{namespace}/views/{view}")] HttpRequest request,
        string catalog,
        string prefix,
        string @namespace,
        string view,
        CancellationToken ct)
    {
        var target = await gate.NamespaceAsync(request, catalog, prefix, @namespace, CatalogPrivilege.ViewReadProperties, ct, view);
        var name = ObjectName.Validate(view, "view");

        return await views.ExistsAsync(target.Catalog, target.Namespace, name, ct)
            ? ApiResults.NoContent()
            : throw ViewErrors.NoSuchView(target.Namespace, name);
    }
}
