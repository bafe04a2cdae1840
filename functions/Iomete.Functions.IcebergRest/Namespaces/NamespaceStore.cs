using System.Data.Common;
using System.Text.Json;
using Dapper;
using Iomete.Functions.IcebergRest.Errors;
using Iomete.Platform.Data;

namespace Iomete.Functions.IcebergRest.Namespaces;

/// <summary>Namespaces of all catalogs, with their properties (a JSON object of strings).</summary>
public sealed class NamespaceStore(IMetadataDb db, TimeProvider clock)
{
    private const int MaxPropertyRetries = 5;

    public async Task<bool> ExistsAsync(string catalog, NamespaceName ns, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        return await ExistsAsync(connection, null, catalog, ns.Key, ct);
    }

    /// <summary>The namespace's properties, or null when it does not exist.</summary>
    public async Task<Dictionary<string, string>?> LoadAsync(string catalog, NamespaceName ns, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        var row = await FindAsync(connection, catalog, ns.Key, ct);
        return row is null ? null : ReadProperties(row.Properties);
    }

    /// <summary>Children of <paramref name="parent"/> (top level when null) in name order, after the key <paramref name="after"/>.</summary>
    public async Task<IReadOnlyList<NamespaceName>> ListAsync(string catalog, NamespaceName? parent, string? after, int? limit, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        var sql = "SELECT name FROM namespaces WHERE catalog = @Catalog AND parent_name = @Parent" +
                  (after is null ? "" : " AND name > @After") + " ORDER BY name" + (limit is null ? "" : " LIMIT @Limit");
        var names = await connection.QueryAsync<string>(new CommandDefinition(sql,
            new { Catalog = catalog, Parent = parent?.Key ?? "", After = after, Limit = limit }, cancellationToken: ct));
        return names.Select(NamespaceName.FromKey).ToList();
    }

    /// <summary>Creates a namespace; 404 when its parent is missing, 409 when it exists.</summary>
    public async Task CreateAsync(string catalog, NamespaceName ns, IReadOnlyDictionary<string, string> properties, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        if (ns.Parent is { } parent && !await ExistsAsync(connection, null, catalog, parent.Key, ct))
        {
            throw IcebergErrors.NoSuchNamespaceError(parent.ToString());
        }
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO namespaces (catalog, name, parent_name, properties, version, created_ms, updated_ms)
                VALUES (@Catalog, @Name, @Parent, @Properties, 1, @Now, @Now)
                """,
                new { Catalog = catalog, Name = ns.Key, Parent = ns.ParentKey, Properties = JsonSerializer.Serialize(properties), Now = now },
                cancellationToken: ct));
        }
        catch (Exception ex) when (db.IsUniqueViolation(ex))
        {
            throw IcebergErrors.NamespaceExists(ns.ToString());
        }
    }

    /// <summary>Drops an empty namespace; false when it does not exist, 409 when it has child namespaces.</summary>
    public async Task<bool> DropAsync(string catalog, NamespaceName ns, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var children = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM namespaces WHERE catalog = @Catalog AND parent_name = @Name",
            new { Catalog = catalog, Name = ns.Key }, tx, cancellationToken: ct));
        if (children > 0 || await Objects.CatalogObjectStore.CountInNamespaceAsync(connection, tx, catalog, ns.Key, ct) > 0)
        {
            throw IcebergErrors.NamespaceNotEmptyError(ns.ToString());
        }
        var deleted = await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM namespaces WHERE catalog = @Catalog AND name = @Name", new { Catalog = catalog, Name = ns.Key }, tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
        return deleted > 0;
    }

    /// <summary>
    /// Applies removals and updates by compare-and-swap on <c>version</c>; null when the namespace does not exist.
    /// </summary>
    public async Task<PropertyChange?> UpdatePropertiesAsync(string catalog, NamespaceName ns,
        IReadOnlyCollection<string> removals, IReadOnlyDictionary<string, string> updates, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        for (var attempt = 0; attempt < MaxPropertyRetries; attempt++)
        {
            var row = await FindAsync(connection, catalog, ns.Key, ct);
            if (row is null)
            {
                return null;
            }
            var properties = ReadProperties(row.Properties);
            var removed = removals.Where(properties.Remove).ToList();
            var missing = removals.Except(removed, StringComparer.Ordinal).ToList();
            foreach (var (key, value) in updates)
            {
                properties[key] = value;
            }
            var changed = await connection.ExecuteAsync(new CommandDefinition(
                """
                UPDATE namespaces SET properties = @Properties, version = version + 1, updated_ms = @Now
                WHERE catalog = @Catalog AND name = @Name AND version = @Version
                """,
                new { Catalog = catalog, Name = ns.Key, Properties = JsonSerializer.Serialize(properties), Now = clock.GetUtcNow().ToUnixTimeMilliseconds(), row.Version },
                cancellationToken: ct));
            if (changed == 1)
            {
                return new PropertyChange(updates.Keys.ToList(), removed, missing);
            }
        }
        throw new Platform.Errors.ApiException(409, IcebergErrors.CommitFailed, "Conflict",
            $"The properties of namespace {ns} changed concurrently too often; retry.");
    }

    private Task<DbConnection> OpenAsync(CancellationToken ct) => db.OpenAsync(IcebergRestRegistration.Service, ct);

    private static async Task<bool> ExistsAsync(DbConnection connection, DbTransaction? tx, string catalog, string key, CancellationToken ct) =>
        await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM namespaces WHERE catalog = @Catalog AND name = @Name", new { Catalog = catalog, Name = key }, tx, cancellationToken: ct)) > 0;

    private static Task<Row?> FindAsync(DbConnection connection, string catalog, string key, CancellationToken ct) =>
        connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            "SELECT properties AS Properties, version AS Version FROM namespaces WHERE catalog = @Catalog AND name = @Name",
            new { Catalog = catalog, Name = key }, cancellationToken: ct));

    private static Dictionary<string, string> ReadProperties(string json) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? [];

    private sealed class Row
    {
        public string Properties { get; set; } = "{}";
        public long Version { get; set; }
    }
}

public sealed record PropertyChange(IReadOnlyList<string> Updated, IReadOnlyList<string> Removed, IReadOnlyList<string> Missing);
