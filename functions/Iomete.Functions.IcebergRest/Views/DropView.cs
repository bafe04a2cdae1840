using Iomete.Functions.IcebergRest.Authorization;
using Iomete.Functions.IcebergRest.Events;
using Iomete.Functions.IcebergRest.Idempotency;
using Iomete.Functions.IcebergRest.Objects;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.IcebergRest.Views;

public sealed class DropView(CatalogGate gate, ViewCatalog views, IdempotencyKeys idempotency, TableChangePublisher changes)
{
    [Function("iceberg-views-drop")]
    [OpenApiOperation("Iceberg REST catalog", "Drop a view", Description = "The catalog forgets the view; its metadata files are kept.")]
    [OpenApiResponse(204)]
    [OpenApiResponse(404, Description = "NoSuchViewException")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "catalogs/{catalog}/v1/{prefix}/namespaces/{namespace}/views/{view}")] HttpRequest request,
        string catalog,
        string prefix,
        string @namespace,
        string view,
        CancellationToken ct)
    {
        var target = await gate.NamespaceAsync(request, catalog, prefix, @namespace, CatalogPrivilege.ViewDrop, ct, view);
        var name = ObjectName.Validate(view, "view");

        return await idempotency.RunAsync(request, async () =>
        {
            if (!await views.DropAsync(target.Catalog, target.Namespace, name, ct))
            {
                throw ViewErrors.NoSuchView(target.Namespace, name);
            }
            await changes.ObjectAsync(Iomete.Platform.Messaging.TableChangeKinds.ViewDropped, target.Catalog.Name, target.Namespace, name, null, target.Caller);
            return ApiResults.NoContent();
        }, ct);
    }
}
