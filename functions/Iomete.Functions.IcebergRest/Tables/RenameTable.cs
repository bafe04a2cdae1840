using Iomete.Functions.IcebergRest.Authorization;
using Iomete.Functions.IcebergRest.Events;
using Iomete.Functions.IcebergRest.Idempotency;
using Iomete.Functions.IcebergRest.Objects;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.IcebergRest.Tables;

public sealed class RenameTable(CatalogGate gate, CatalogObjectStore objects, IdempotencyKeys idempotency, TableChangePublisher changes)
{
    [Function("iceberg-tables-rename")]
    [OpenApiOperation("Iceberg REST catalog", "Rename a table", Description = "Within one catalog, also into another namespace. Files stay where they are.")]
    [OpenApiRequestBody(typeof(RenameTableRequestDoc))]
    [OpenApiResponse(204, Description = "Renamed")]
    [OpenApiResponse(404, Description = "NoSuchTableException (source) or NoSuchNamespaceException (destination)")]
    [OpenApiResponse(409, Description = "AlreadyExistsException: the destination is a table or view")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "catalogs/{catalog}/v1/{prefix}/tables/rename")] HttpRequest request,
        string catalog,
        string prefix,
        CancellationToken ct)
    {
        var caller = await gate.AuthenticateAsync(request, ct);
        var view = await gate.CatalogAsync(catalog, prefix, ct);
        var body = await IcebergRequest.ReadObjectAsync(request, ct);
        var source = TableIdent.Read(view.Name, body["source"], "source");
        var destination = TableIdent.Read(view.Name, body["destination"], "destination");
        await gate.AuthorizeAsync(caller, CatalogPrivilege.TableRename, view, source.Namespace, ct, source.Name);
        await gate.AuthorizeAsync(caller, CatalogPrivilege.TableCreate, view, destination.Namespace, ct, destination.Name);

        return await idempotency.RunAsync(request, async () =>
        {
            await objects.RenameAsync(view.Name, source.Namespace, source.Name, destination.Namespace, destination.Name, CatalogObjectKind.Table, ct);
            var moved = await objects.FindAsync(view.Name, destination.Namespace, destination.Name, ct);
            await changes.RenamedAsync(Iomete.Platform.Messaging.TableChangeKinds.TableRenamed, view.Name, source.Namespace, source.Name, destination.Namespace, destination.Name, moved?.MetadataLocation, caller);
            return new StatusOnlyResult(204);
        }, ct);
    }
}
