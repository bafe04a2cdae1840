using Iomete.Functions.IcebergRest.Authorization;
using Iomete.Functions.IcebergRest.Objects;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.IcebergRest.Tables;

public sealed class ListTables(CatalogGate gate, CatalogObjectStore objects)
{
    [Function("iceberg-tables-list")]
    [OpenApiOperation("Iceberg REST catalog", "List the tables of a namespace",
        Description = "In name order. Without a pageToken every table is returned; with one (empty for the first page) at most pageSize and a next-page-token.")]
    [OpenApiQuery("pageToken", "Opaque token from next-page-token; empty for the first page")]
    [OpenApiQuery("pageSize", "Page size (1-1000, default 100)", Type = "integer")]
    [OpenApiResponse(200, typeof(ListTablesResponse))]
    [OpenApiResponse(404, Description = "NoSuchNamespaceException")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "catalogs/{catalog}/v1/{prefix}/namespaces/{namespace}/tables")] HttpRequest request,
        string catalog,
        string prefix,
        string @namespace,
        CancellationToken ct)
    {
        var target = await gate.NamespaceAsync(request, catalog, prefix, @namespace, CatalogPrivilege.TableList, ct);
        var (page, next) = await objects.ListPageAsync(target.Catalog.Name, target.Namespace, CatalogObjectKind.Table, IcebergPaging.From(request), ct);
        var visible = await gate.VisibleAsync(target.Caller, target.Catalog, page, n => (target.Namespace, n), ct);
        return ApiResults.Ok(new ListTablesResponse(next, visible.Select(n => new TableIdentifierDoc(target.Namespace.Levels, n)).ToList()));
    }
}
