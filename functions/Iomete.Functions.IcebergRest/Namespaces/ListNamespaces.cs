using System.Globalization;
using System.Text;
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
    private const int DefaultPageSize = 100;
    private const int MaxPageSize = 1000;

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
        var paged = request.Query.ContainsKey("pageToken");
        var after = paged ? DecodeToken(request.Query["pageToken"].ToString()) : null;
        var pageSize = paged ? PageSize(request.Query["pageSize"].ToString()) : (int?)null;
        await gate.AuthorizeAsync(caller, CatalogPrivilege.NamespaceList, view, parent, ct);

        if (parent is not null && !await namespaces.ExistsAsync(view.Name, parent, ct))
        {
            throw IcebergErrors.NoSuchNamespaceError(parent.ToString());
        }
        var found = await namespaces.ListAsync(view.Name, parent, after, pageSize + 1, ct);
        string? next = null;
        if (pageSize is { } size && found.Count > size)
        {
            found = found.Take(size).ToList();
            next = EncodeToken(found[^1].Key);
        }
        return ApiResults.Ok(new ListNamespacesResponse(next, found.Select(n => n.Levels).ToList()));
    }

    private static int PageSize(string value)
    {
        if (value.Length == 0)
        {
            return DefaultPageSize;
        }
        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var size) || size < 1)
        {
            throw IcebergErrors.BadRequestError("Invalid pageSize: it must be a positive integer.");
        }
        return Math.Min(size, MaxPageSize);
    }

    private static string EncodeToken(string key) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(key)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private static string? DecodeToken(string token)
    {
        if (token.Length == 0)
        {
            return null;
        }
        try
        {
            var base64 = token.Replace('-', '+').Replace('_', '/');
            base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(Convert.FromBase64String(base64));
        }
        catch (Exception ex) when (ex is FormatException or ArgumentException)
        {
            throw IcebergErrors.BadRequestError("Invalid pageToken: use the next-page-token of a previous page.");
        }
    }
}
