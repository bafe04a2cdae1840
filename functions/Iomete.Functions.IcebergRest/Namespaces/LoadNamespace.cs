using Iomete.Functions.IcebergRest.Authorization;
using Iomete.Functions.IcebergRest.Errors;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.IcebergRest.Namespaces;

public sealed class LoadNamespace(CatalogGate gate, NamespaceStore namespaces)
{
    [Function("iceberg-namespaces-load")]
    [OpenApiOperation("Iceberg REST catalog", "Load a namespace's metadata (its properties)")]
    [OpenApiResponse(200, typeof(NamespaceResponse))]
    [OpenApiResponse(404, Description = "NoSuchNamespaceException")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "catalogs/{catalog}/v1/{prefix}/namespaces/{namespace}")] HttpRequest request,
        string catalog,
        string prefix,
        string @namespace,
        CancellationToken ct)
    {
        var (_, view, ns) = await gate.NamespaceAsync(request, catalog, prefix, @namespace, CatalogPrivilege.NamespaceReadProperties, ct);

        var properties = await namespaces.LoadAsync(view.Name, ns, ct) ?? throw IcebergErrors.NoSuchNamespaceError(ns.ToString());
        return ApiResults.Ok(new NamespaceResponse(ns.Levels, properties));
    }
}
