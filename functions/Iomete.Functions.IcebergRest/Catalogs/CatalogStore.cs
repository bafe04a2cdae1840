using System.Data.Common;
using System.Text.Json;
using Dapper;
using Iomete.Platform.Data;
using Iomete.Platform.Errors;
using Iomete.Platform.Storage;

namespace Iomete.Functions.IcebergRest.Catalogs;

/// <summary>Managed catalogs. The default <c>spark_catalog</c> is seeded once per installation.</summary>
public sealed class CatalogStore(IMetadataDb db, TimeProvider clock, IObjectStore objects)
{
    public const string DefaultCatalog = "spark_catalog";
    public const string ManagedType = "ICEBERG_REST";
    private const string SeedName = "default-catalog";
    private const string Columns = "name AS Name, warehouse AS Warehouse, properties AS Properties, created_ms AS CreatedMs";

    /// <summary>Catalog rows change rarely and every Iceberg request resolves one: reuse a lookup for a moment.</summary>
    private static readonly TimeSpan LookupLifetime = TimeSpan.FromSeconds(1);

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (CatalogView View, DateTimeOffset Until)> _lookups = new(StringComparer.Ordinal);
    private SeededDatabase? database;

    /// <summary>The warehouse a catalog gets when none is given: the object store's root plus the catalog name.</summary>
    public string DefaultWarehouse(string name) => objects.RootUri.TrimEnd('/') + "/" + name;

    public async Task<IReadOnlyList<CatalogView>> ListAsync(CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition($"SELECT {Columns} FROM catalogs ORDER BY name", cancellationToken: ct));
        return rows.Select(View).ToList();
    }

    public async Task<CatalogView?> FindAsync(string name, CancellationToken ct)
    {
        if (_lookups.TryGetValue(name, out var cached) && cached.Until > clock.GetUtcNow())
        {
            return cached.View;
        }
        await using var connection = await OpenAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM catalogs WHERE name = @Name", new { Name = name }, cancellationToken: ct));
        if (row is null)
        {
            return null;
        }
        var view = View(row);
        if (_lookups.Count > 1000)
        {
            _lookups.Clear();
        }
        _lookups[name] = (view, clock.GetUtcNow() + LookupLifetime);
        return view;
    }

    public async Task<CatalogView> CreateAsync(string name, string warehouse, IReadOnlyDictionary<string, string> properties, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        try
        {
            await InsertAsync(connection, null, name, warehouse, properties, ct, onConflictDoNothing: false);
        }
        catch (Exception ex) when (db.IsUniqueViolation(ex))
        {
            throw new ConflictException($"A catalog named '{name}' already exists.");
        }
        return (await FindAsync(name, ct))!;
    }

    /// <summary>Deletes a catalog without namespaces; false when there is none of that name, 409 when it holds namespaces.</summary>
    public async Task<bool> DeleteAsync(string name, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var used = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM namespaces WHERE catalog = @Name", new { Name = name }, tx, cancellationToken: ct));
        if (used > 0)
        {
            throw new ConflictException($"Catalog '{name}' still holds {used} namespace(s); drop them first.");
        }
        var deleted = await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM catalogs WHERE name = @Name", new { Name = name }, tx, cancellationToken: ct));
        _lookups.TryRemove(name, out _);
        await tx.CommitAsync(ct);
        return deleted > 0;
    }

    // Built on first use (a field initializer cannot call the instance's SeedAsync); a racing second instance is harmless.
    private Task<DbConnection> OpenAsync(CancellationToken ct) =>
        (database ??= new SeededDatabase(db, clock, IcebergRestRegistration.Service, SeedName, SeedAsync)).OpenAsync(ct);

    /// <summary>Creates <c>spark_catalog</c> (once: the seed marker keeps a deleted or edited default from coming back).</summary>
    private Task SeedAsync(DbConnection connection, DbTransaction tx, CancellationToken ct) =>
        InsertAsync(connection, tx, DefaultCatalog, DefaultWarehouse(DefaultCatalog), new Dictionary<string, string>(), ct, onConflictDoNothing: true);

    private Task<int> InsertAsync(DbConnection connection, DbTransaction? tx, string name, string warehouse,
        IReadOnlyDictionary<string, string> properties, CancellationToken ct, bool onConflictDoNothing) =>
        connection.ExecuteAsync(new CommandDefinition(
            $"""
            INSERT INTO catalogs (name, warehouse, properties, created_ms) VALUES (@Name, @Warehouse, @Properties, @Now)
            {(onConflictDoNothing ? "ON CONFLICT DO NOTHING" : "")}
            """,
            new { Name = name, Warehouse = warehouse, Properties = JsonSerializer.Serialize(properties), Now = clock.GetUtcNow().ToUnixTimeMilliseconds() },
            tx, cancellationToken: ct));

    private static CatalogView View(Row r) => new(
        r.Name, ManagedType, r.Warehouse,
        JsonSerializer.Deserialize<Dictionary<string, string>>(r.Properties) ?? [],
        r.Name == DefaultCatalog,
        DateTimeOffset.FromUnixTimeMilliseconds(r.CreatedMs));

    private sealed class Row
    {
        public string Name { get; set; } = "";
        public string Warehouse { get; set; } = "";
        public string Properties { get; set; } = "{}";
        public long CreatedMs { get; set; }
    }
}
