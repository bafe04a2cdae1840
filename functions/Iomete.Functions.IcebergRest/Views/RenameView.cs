using Iomete.Functions.IcebergRest.Authorization;
using Iomete.Functions.IcebergRest.Errors;
using Iomete.Functions.IcebergRest.Events;
using Iomete.Functions.IcebergRest.Idempotency;
using Iomete.Functions.IcebergRest.Namespaces;
using Iomete.Functions.IcebergRest.Objects;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.IcebergRest.Views;

public sealed class RenameView(CatalogGate gate, ViewCatalog views, IdempotencyKeys idempotency, TableChangePublisher changes)
{
    [Function("iceberg-views-rename")]
    [OpenApiOperation("Iceberg REST catalog", "Rename a view", Description = "Also into another namespace of the same catalog.")]
    [OpenApiRequestBody(typeof(RenameViewRequest))]
    [OpenApiResponse(204)]
    [OpenApiResponse(404, Description = "NoSuchViewException (source) or NoSuchNamespaceException (destination namespace)")]
    [OpenApiResponse(409, Description = "AlreadyExistsException: a table or view holds the destination name")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "catalogs/{catalog}/v1/{prefix}/views/rename")] HttpRequest request,
        string catalog,
        string prefix,
        CancellationToken ct)
    {
        var caller = await gate.AuthenticateAsync(request, ct);
        var view = await gate.CatalogAsync(catalog, prefix, ct);
        var body = await RequestBody.ReadAsync<RenameViewRequest>(request, ct);
        var source = body.Source ?? throw IcebergErrors.BadRequestError("Invalid request body: missing required member 'source'.");
        var destination = body.Destination ?? throw IcebergErrors.BadRequestError("Invalid request body: missing required member 'destination'.");
        var fromNs = NamespaceName.FromLevels(source.Namespace);
        var from = ObjectName.Validate(source.Name, "view");
        var toNs = NamespaceName.FromLevels(destination.Namespace);
        var to = ObjectName.Validate(destination.Name, "view");
        await gate.AuthorizeAsync(caller, CatalogPrivilege.ViewRename, view, fromNs, ct, from);
        await gate.AuthorizeAsync(caller, CatalogPrivilege.ViewCreate, view, toNs, ct, to);

        return await idempotency.RunAsync(request, async () =>
        {
            await views.RenameAsync(view, fromNs, from, toNs, to, ct);
            var moved = await views.LoadAsync(view, toNs, to, ct);
            await changes.RenamedAsync(Iomete.Platform.Messaging.TableChangeKinds.ViewRenamed, view.Name, fromNs, from, toNs, to, moved.MetadataLocation, caller);
            return ApiResults.NoContent();
        }, ct);
    }
}
