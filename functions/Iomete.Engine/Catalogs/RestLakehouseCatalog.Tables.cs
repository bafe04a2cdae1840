using System.Net;
using Iomete.Iceberg.Commits;

namespace Iomete.Engine.Catalogs;

public sealed partial class RestLakehouseCatalog
{
    public async Task<IReadOnlyList<string>> ListTablesAsync(string catalog, string database, CancellationToken ct) =>
        await ListPagedAsync(CatalogRoutes.Tables(catalog, database), CatalogResponses.IdentifierNames, ct);

    /// <summary>
    /// Loads the table; when this instance loaded it before, sends its ETag in <c>If-None-Match</c> and, on 304, returns the
    /// very same <see cref="CatalogTable"/> without reading a body.
    /// </summary>
    public async Task<CatalogTable?> LoadTableAsync(TableIdent table, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(table);
        _tables.TryGetValue(table, out var cached);
        using var response = await _http.SendAsync(HttpMethod.Get, CatalogRoutes.Table(table), null, ct, cached?.ETag);
        if (response.StatusCode == HttpStatusCode.NotModified && cached is not null)
        {
            return cached.Table;
        }
        if (!response.IsSuccessStatusCode)
        {
            var error = await CatalogError.ReadAsync(response, ct);
            if (error.Is(HttpStatusCode.NotFound, CatalogError.NoSuchTable))
            {
                _tables.TryRemove(table, out _);
                return null;
            }
            throw error.ToException();
        }
        return await RememberAsync(table, response, ct);
    }

    /// <summary>Creates the table; a staged one has an empty <see cref="CatalogTable.MetadataLocation"/> (no file exists until the commit).</summary>
    public async Task<CatalogTable> CreateTableAsync(TableIdent table, NewTable definition, bool stage, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(definition);
        using var response = await _http.SendAsync(
            HttpMethod.Post, CatalogRoutes.Tables(table.Catalog, table.Database), CatalogRequests.CreateTable(table.Name, definition, stage), ct);
        await ThrowIfErrorAsync(response, ct);
        return stage
            ? CatalogResponses.Table(table, await CatalogHttp.ReadJsonAsync(response, ct))
            : await RememberAsync(table, response, ct);
    }

    public async Task<CatalogTable> CommitAsync(
        TableIdent table, IReadOnlyList<TableRequirement> requirements, IReadOnlyList<TableUpdate> updates, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(requirements);
        ArgumentNullException.ThrowIfNull(updates);
        using var response = await _http.SendAsync(HttpMethod.Post, CatalogRoutes.Table(table), CatalogRequests.CommitTable(requirements, updates), ct);
        await ThrowIfErrorAsync(response, ct);
        return await RememberAsync(table, response, ct);
    }

    public async Task<IReadOnlySet<string>?> LoadTablePrivilegesAsync(TableIdent table, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(table);
        using var response = await _http.SendAsync(HttpMethod.Get, CatalogRoutes.TablePrivileges(table), null, ct);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
        if (!response.IsSuccessStatusCode)
        {
            throw (await CatalogError.ReadAsync(response, ct)).ToException();
        }
        var body = CatalogResponses.Object(await CatalogHttp.ReadJsonAsync(response, ct));
        return CatalogResponses.Array(body["privileges"]).Select(CatalogResponses.String).ToHashSet(StringComparer.Ordinal);
    }

    public async Task DropTableAsync(TableIdent table, bool purge, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(table);
        _tables.TryRemove(table, out _);
        await _http.JsonAsync(HttpMethod.Delete, $"{CatalogRoutes.Table(table)}?purgeRequested={(purge ? "true" : "false")}", null, ct);
    }

    /// <summary>Renames within one catalog (also into another database); across catalogs is refused.</summary>
    public async Task RenameTableAsync(TableIdent from, TableIdent to, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(from);
        ArgumentNullException.ThrowIfNull(to);
        if (!string.Equals(from.Catalog, to.Catalog, StringComparison.Ordinal))
        {
            throw new CatalogRequestException($"Cannot rename {from} to {to}: a table cannot move to another catalog.");
        }
        _tables.TryRemove(from, out _);
        await _http.JsonAsync(HttpMethod.Post, CatalogRoutes.RenameTable(from.Catalog), CatalogRequests.Rename(from, to), ct);
    }

    /// <summary>Parses a table body and keeps it with its ETag (a response without one is not kept).</summary>
    private async Task<CatalogTable> RememberAsync(TableIdent table, HttpResponseMessage response, CancellationToken ct)
    {
        var loaded = CatalogResponses.Table(table, await CatalogHttp.ReadJsonAsync(response, ct));
        if (response.Headers.ETag is { } etag)
        {
            _tables[table] = new CachedTable(etag.ToString(), loaded);
        }
        else
        {
            _tables.TryRemove(table, out _);
        }
        return loaded;
    }

    private static async Task ThrowIfErrorAsync(HttpResponseMessage response, CancellationToken ct)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw (await CatalogError.ReadAsync(response, ct)).ToException();
        }
    }
}
