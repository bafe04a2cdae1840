using Iomete.Functions.IcebergRest.Authorization;
using Iomete.Functions.IcebergRest.Errors;
using Iomete.Functions.IcebergRest.Events;
using Iomete.Functions.IcebergRest.Idempotency;
using Iomete.Functions.IcebergRest.Objects;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.IcebergRest.Tables;

public sealed class DropTable(CatalogGate gate, CatalogObjectStore objects, TableMetadataFiles files, TablePurger purger, IdempotencyKeys idempotency, TableChangePublisher changes)
{
    [Function("iceberg-tables-drop")]
    [OpenApiOperation("Iceberg REST catalog", "Drop a table",
        Description = "The catalog forgets the table. With purgeRequested=true every file its metadata reaches is deleted too.")]
    [OpenApiQuery("purgeRequested", "true to delete the table's files as well", Type = "boolean")]
    [OpenApiResponse(204, Description = "Dropped")]
    [OpenApiResponse(404, Description = "NoSuchTableException")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "catalogs/{catalog}/v1/{prefix}/namespaces/{namespace}/tables/{table}")] HttpRequest request,
        string catalog,
        string prefix,
        string @namespace,
        string table,
        CancellationToken ct)
    {
        var target = await gate.TableAsync(request, catalog, prefix, @namespace, table, CatalogPrivilege.TableDrop, ct);
        var purge = IcebergRequest.QueryBool(request, "purgeRequested");
        return await idempotency.RunAsync(request, async () =>
        {
            var id = target.Table;
            var dropped = await objects.DropAsync(id.Catalog, id.Namespace, id.Name, CatalogObjectKind.Table, ct)
                          ?? throw IcebergErrors.NoSuchTableError(id.ToString());
            await changes.ObjectAsync(Iomete.Platform.Messaging.TableChangeKinds.TableDropped, id.Catalog, id.Namespace, id.Name, null, target.Caller);
            if (purge)
            {
                var loaded = await files.ReadAsync(dropped.MetadataLocation, ct);
                await purger.PurgeAsync(dropped.MetadataLocation, loaded.Metadata, ct);
            }
            return new StatusOnlyResult(204);
        }, ct);
    }
}
