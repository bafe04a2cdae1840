using Iomete.Functions.IcebergRest.Authorization;
using Iomete.Functions.IcebergRest.Errors;
using Iomete.Functions.IcebergRest.Events;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.IcebergRest.Namespaces;

public sealed class DropNamespace(CatalogGate gate, NamespaceStore namespaces, TableChangePublisher changes)
{
    [Function("iceberg-namespaces-drop")]
    [OpenApiOperation("Iceberg REST catalog", "Drop an empty namespace")]
    [OpenApiResponse(204)]
    [OpenApiResponse(404, Description = "NoSuchNamespaceException")]
    [OpenApiResponse(409, Description = "NamespaceNotEmptyException: it has child namespaces")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "catalogs/{catalog}/v1/{prefix}/namespaces/{namespace}")] HttpRequest request,
        string catalog,
        string prefix,
        string @namespace,
        CancellationToken ct)
    {
        var (caller, view, ns) = await gate.NamespaceAsync(request, catalog, prefix, @namespace, CatalogPrivilege.NamespaceDrop, ct);

        if (!await namespaces.DropAsync(view.Name, ns, ct))
        {
            throw IcebergErrors.NoSuchNamespaceError(ns.ToString());
        }
        await changes.NamespaceAsync(Iomete.Platform.Messaging.TableChangeKinds.NamespaceDropped, view.Name, ns, caller);
        return ApiResults.NoContent();
    }
}
