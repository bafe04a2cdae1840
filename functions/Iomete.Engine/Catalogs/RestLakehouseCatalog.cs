using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using Iomete.Platform.Messaging;

namespace Iomete.Engine.Catalogs;

/// <summary>
/// <see cref="ILakehouseCatalog"/> over the platform's Iceberg REST catalog, reached through service invocation with
/// one caller's credentials (so the catalog authorizes that caller). Loaded tables are kept per instance with their ETag
/// and revalidated with <c>If-None-Match</c>: an unchanged table costs a 304 and no parsing. Safe for concurrent use.
/// </summary>
/// <remarks>
/// A missing table or view loads as null; a missing database or catalog throws <see cref="CatalogNotFoundException"/>.
/// Catalogs are listed by the platform's admin route, which needs SPARK_CATALOG_MANAGER (or a read-only admin) role.
/// </remarks>
public sealed partial class RestLakehouseCatalog : ILakehouseCatalog
{
    private readonly CatalogHttp _http;
    private readonly TimeProvider _clock;
    private readonly ConcurrentDictionary<TableIdent, CachedTable> _tables = new();

    /// <param name="credentialHeaders">Headers sent with every request (<c>Authorization</c>, <c>X-API-Token</c>, <c>Cookie</c>).</param>
    public RestLakehouseCatalog(IServiceInvoker invoker, IReadOnlyDictionary<string, string> credentialHeaders, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(invoker);
        ArgumentNullException.ThrowIfNull(credentialHeaders);
        ArgumentNullException.ThrowIfNull(clock);
        _http = new CatalogHttp(invoker, new Dictionary<string, string>(credentialHeaders, StringComparer.OrdinalIgnoreCase));
        _clock = clock;
    }

    /// <summary>Page size asked of paged lists (the server caps it at 1000).</summary>
    internal int PageSize { get; init; } = 1000;

    public async Task<IReadOnlyList<string>> ListCatalogsAsync(CancellationToken ct)
    {
        var body = await _http.JsonAsync(HttpMethod.Get, CatalogRoutes.Catalogs, null, ct);
        return [.. CatalogResponses.Array(body).Select(c => CatalogResponses.String(CatalogResponses.Object(c)["name"]))];
    }

    public async Task<IReadOnlyList<string>> ListDatabasesAsync(string catalog, CancellationToken ct) =>
        await ListPagedAsync(CatalogRoutes.Namespaces(catalog), CatalogResponses.NamespaceNames, ct);

    public async Task<bool> DatabaseExistsAsync(string catalog, string database, CancellationToken ct) =>
        await LoadNamespaceAsync(catalog, database, ct) is not null;

    public async Task<IReadOnlyDictionary<string, string>> LoadDatabasePropertiesAsync(string catalog, string database, CancellationToken ct)
    {
        var body = await LoadNamespaceAsync(catalog, database, ct)
                   ?? throw new CatalogNotFoundException($"Namespace does not exist: {database}");
        return CatalogResponses.Properties(body);
    }

    public async Task CreateDatabaseAsync(string catalog, string database, IReadOnlyDictionary<string, string> properties, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(properties);
        await _http.JsonAsync(HttpMethod.Post, CatalogRoutes.Namespaces(catalog), CatalogRequests.CreateNamespace(database, properties), ct);
    }

    public async Task DropDatabaseAsync(string catalog, string database, CancellationToken ct) =>
        await _http.JsonAsync(HttpMethod.Delete, CatalogRoutes.Namespace(catalog, database), null, ct);

    /// <summary>The namespace's GetNamespaceResponse, or null when only the namespace is missing (a missing catalog throws).</summary>
    private async Task<JsonNode?> LoadNamespaceAsync(string catalog, string database, CancellationToken ct)
    {
        using var response = await _http.SendAsync(HttpMethod.Get, CatalogRoutes.Namespace(catalog, database), null, ct);
        if (response.IsSuccessStatusCode)
        {
            return await CatalogHttp.ReadJsonAsync(response, ct);
        }
        var error = await CatalogError.ReadAsync(response, ct);
        return error.Is(HttpStatusCode.NotFound, CatalogError.NoSuchNamespace) ? null : throw error.ToException();
    }

    /// <summary>Every item of a paged list, following <c>next-page-token</c> from the first page (an empty <c>pageToken</c>).</summary>
    private async Task<IReadOnlyList<string>> ListPagedAsync(string path, Func<JsonNode?, IEnumerable<string>> items, CancellationToken ct)
    {
        var all = new List<string>();
        var token = "";
        while (true)
        {
            var page = await _http.JsonAsync(HttpMethod.Get, $"{path}?pageToken={Uri.EscapeDataString(token)}&pageSize={PageSize}", null, ct);
            all.AddRange(items(page));
            var next = CatalogResponses.NextPageToken(page);
            if (string.IsNullOrEmpty(next))
            {
                return all;
            }
            if (next == token)
            {
                throw new CatalogUnavailableException($"The catalog returned the same page token twice for {path}.");
            }
            token = next;
        }
    }

    /// <summary>A loaded table and the ETag the catalog gave it.</summary>
    private sealed record CachedTable(string ETag, CatalogTable Table);
}
