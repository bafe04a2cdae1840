using Iomete.Functions.IcebergRest.Authorization;
using Iomete.Functions.IcebergRest.Errors;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.IcebergRest.Namespaces;

public sealed class NamespaceExists(CatalogGate gate, NamespaceStore namespaces)
{
    [Function("iceberg-namespaces-exists")]
    [OpenApiOperation("Iceberg REST catalog", "Check that a namespace exists", Description = "204 when it exists, 404 when not.")]
    [OpenApiResponse(204)]
    [OpenApiResponse(404)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "head", Route = "catalogs/{catalog}/v1/{prefix}/namespaces/{namespace}")] HttpRequest request,
        string catalog,
        string prefix,
        string @namespace,
        CancellationToken ct)
    {
        var (_, view, ns) = await gate.NamespaceAsync(request, catalog, prefix, @namespace, CatalogPrivilege.NamespaceReadProperties, ct);

        return await namespaces.ExistsAsync(view.Name, ns, ct)
            ? ApiResults.NoContent()
            : throw IcebergErrors.NoSuchNamespaceError(ns.ToString());
    }
}
