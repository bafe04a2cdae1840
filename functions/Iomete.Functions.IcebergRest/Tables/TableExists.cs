using Iomete.Functions.IcebergRest.Authorization;
using Iomete.Functions.IcebergRest.Objects;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.IcebergRest.Tables;

public sealed class TableExists(CatalogGate gate, CatalogObjectStore objects)
{
    [Function("iceberg-tables-exists")]
    [OpenApiOperation("Iceberg REST catalog", "Check whether a table exists", Description = "204 when it exists, 404 (no body) when not.")]
    [OpenApiResponse(204, Description = "The table exists")]
    [OpenApiResponse(404, Description = "No such table")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "head", Route = "catalogs/{catalog}/v1/{prefix}/namespaces/{namespace}/tables/{table}")] HttpRequest request,
        string catalog,
        string prefix,
        string @namespace,
        string table,
        CancellationToken ct)
    {
        var target = await gate.TableAsync(request, catalog, prefix, @namespace, table, CatalogPrivilege.TableReadProperties, ct);
        var found = await objects.FindAsync(target.Table.Catalog, target.Table.Namespace, target.Table.Name, ct);
        return new StatusOnlyResult(found?.Kind == CatalogObjectKind.Table ? 204 : 404);
    }
}
