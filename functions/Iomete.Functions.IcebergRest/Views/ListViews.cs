using Iomete.Functions.IcebergRest.Authorization;
using Iomete.Functions.IcebergRest.Objects;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.IcebergRest.Views;

public sealed class ListViews(CatalogGate gate, CatalogObjectStore objects)
{
    [Function("iceberg-views-list")]
    [OpenApiOperation("Iceberg REST catalog", "List the views of a namespace",
        Description = "Without a pageToken every view is returned; with one (empty for the first page) at most pageSize per page and a next-page-token.")]
    [OpenApiQuery("pageToken", "Opaque token from next-page-token; empty for the first page")]
    [OpenApiQuery("pageSize", "Page size (1-1000, default 100)", Type = "integer")]
    [OpenApiResponse(200, typeof(ListViewsResponse))]
    [OpenApiResponse(404, Description = "NoSuchNamespaceException")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "catalogs/{catalog}/v1/{prefix}/namespaces/{namespace}/views")] HttpRequest request,
        string catalog,
        string prefix,
        string @namespace,
        CancellationToken ct)
    {
        var (caller, view, ns) = await gate.NamespaceAsync(request, catalog, prefix, @namespace, CatalogPrivilege.ViewList, ct);
        var (page, next) = await objects.ListPageAsync(view.Name, ns, CatalogObjectKind.View, IcebergPaging.From(request), ct);
        var visible = await gate.VisibleAsync(caller, view, page, n => (ns, n), ct);
        return ApiResults.Ok(new ListViewsResponse(next, visible.Select(n => new ViewIdentifier(ns.Levels, n)).ToList()));
    }
}
