using Iomete.Functions.IcebergRest.Authorization;
using Iomete.Functions.IcebergRest.Objects;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.IcebergRest.Views;

public sealed class LoadView(CatalogGate gate, ViewCatalog views)
{
    [Function("iceberg-views-load")]
    [OpenApiOperation("Iceberg REST catalog", "Load a view", Description = "The current metadata file and its metadata. A table of that name is not a view (404).")]
    [OpenApiQuery("referenced-by", "Views referencing this view (accepted, not used)")]
    [OpenApiResponse(200, typeof(LoadViewResult))]
    [OpenApiResponse(404, Description = "NoSuchViewException")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "catalogs/{catalog}/v1/{prefix}/namespaces/{namespace}/views/{view}")] HttpRequest request,
        string catalog,
        string prefix,
        string @namespace,
        string view,
        CancellationToken ct)
    {
        var target = await gate.NamespaceAsync(request, catalog, prefix, @namespace, CatalogPrivilege.ViewReadProperties, ct, view);
        var name = ObjectName.Validate(view, "view");

        return ApiResults.Ok(LoadViewResult.From(await views.LoadAsync(target.Catalog, target.Namespace, name, ct)));
    }
}
