using Iomete.Functions.IcebergRest.Authorization;
using Iomete.Functions.IcebergRest.Errors;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.IcebergRest.Namespaces;

public sealed class ListNamespaces(CatalogGate gate, NamespaceStore namespaces)
{
    [Function("iceberg-namespaces-list")]
    [OpenApiOperation("Iceberg REST catalog", "List namespaces",
        Description = "Children of 'parent' (levels joined by %1F), or the top level. Without a pageToken every namespace is returned; " +
                      "with one (empty for the first page) at most pageSize per page and a next-page-token.")]
    [OpenApiQuery("parent", "Parent namespace, levels joined by %1F")]
    [OpenApiQuery("pageToken", "Opaque token from next-page-token; empty for the first page")]
    [OpenApiQuery("pageSize", "Page size (1-1000, default 100)", Type = "integer")]
    [OpenApiResponse(200, typeof(ListNamespacesResponse))]
    [OpenApiResponse(404, Description = "The catalog or the parent namespace does not exist")]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "catalogs/{catalog}/v1/{prefix}/namespaces")] HttpRequest request,
        string catalog,
        string prefix,
        CancellationToken ct)
    {
        var caller = await gate.AuthenticateAsync(request, ct);
        var view = await gate.CatalogAsync(catalog, prefix, ct);
        var parentValue = request.Query["parent"].ToString();
        var parent = parentValue.Length == 0 ? null : NamespaceName.Parse(parentValue);
        var paging = IcebergPaging.From(request);
        await gate.AuthorizeAsync(caller, CatalogPrivilege.NamespaceList, view, parent, ct);

        if (parent is not null && !await namespaces.ExistsAsync(view.Name, parent, ct))
        {
            throw IcebergErrors.NoSuchNamespaceError(parent.ToString());
        }
        var found = await namespaces.ListAsync(view.Name, parent, paging.After, paging.FetchLimit, ct);
        var (page, next) = paging.Cut(found, n => n.Key);
        var visible = await gate.VisibleAsync(caller, view, page, n => (n, (string?)null), ct);
        return ApiResults.Ok(new ListNamespacesResponse(next, visible.Select(n => n.Levels).ToList()));
    }
}
