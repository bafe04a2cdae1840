using System.Data.Common;
using System.Text.Json;
using Dapper;
using Iomete.Platform.Data;
using Iomete.Platform.Http;

namespace Iomete.Functions.Maintenance.Settings;

/// <summary>A catalog's stored settings with who changed them last (null times for a catalog never configured).</summary>
public sealed record StoredCatalogSettings(string Catalog, CatalogMaintenanceSettings Settings, string? UpdatedBy, DateTimeOffset? UpdatedAt);

/// <summary>A table's stored overrides (defaults: INHERIT everywhere).</summary>
public sealed record StoredTableOverrides(TableMaintenanceOverrides Overrides, string? UpdatedBy, DateTimeOffset? UpdatedAt);

/// <summary>Catalog settings and table overrides in the maintenance database, as JSON documents (last write wins).</summary>
public sealed class SettingsStore(IMetadataDb db, TimeProvider clock)
{
    public async Task<StoredCatalogSettings> GetCatalogAsync(string catalog, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        var row = (await connection.QueryAsync<(string Settings, string UpdatedBy, long UpdatedMs)>(new CommandDefinition(
            "SELECT settings, updated_by, updated_ms FROM maintenance_catalog_settings WHERE catalog = @Catalog", new { Catalog = catalog }, cancellationToken: ct))).FirstOrDefault();
        return row is { Settings: not null } r
            ? new StoredCatalogSettings(catalog, Read<CatalogMaintenanceSettings>(r.Settings), r.UpdatedBy, DateTimeOffset.FromUnixTimeMilliseconds(r.UpdatedMs))
            : new StoredCatalogSettings(catalog, new CatalogMaintenanceSettings(), null, null);
    }

    /// <summary>Every catalog whose master switch is on.</summary>
    public async Task<IReadOnlyList<StoredCatalogSettings>> EnabledCatalogsAsync(CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        var rows = await connection.QueryAsync<(string Catalog, string Settings, string UpdatedBy, long UpdatedMs)>(new CommandDefinition(
            "SELECT catalog, settings, updated_by, updated_ms FROM maintenance_catalog_settings ORDER BY catalog", cancellationToken: ct));
        return rows.Select(r => new StoredCatalogSettings(r.Catalog, Read<CatalogMaintenanceSettings>(r.Settings), r.UpdatedBy, DateTimeOffset.FromUnixTimeMilliseconds(r.UpdatedMs)))
            .Where(s => s.Settings.Enabled)
            .ToList();
    }

    public async Task<StoredCatalogSettings> PutCatalogAsync(string catalog, CatalogMaintenanceSettings settings, string userId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var connection = await OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO maintenance_catalog_settings (catalog, settings, updated_by, updated_ms) VALUES (@Catalog, @Settings, @UpdatedBy, @UpdatedMs)
            ON CONFLICT (catalog) DO UPDATE SET settings = excluded.settings, updated_by = excluded.updated_by, updated_ms = excluded.updated_ms
            """,
            new { Catalog = catalog, Settings = Write(settings), UpdatedBy = userId, UpdatedMs = now.ToUnixTimeMilliseconds() }, cancellationToken: ct));
        return new StoredCatalogSettings(catalog, settings, userId, now);
    }

    public async Task<StoredTableOverrides> GetTableAsync(string catalog, string database, string table, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        var row = (await connection.QueryAsync<(string Settings, string UpdatedBy, long UpdatedMs)>(new CommandDefinition(
            "SELECT settings, updated_by, updated_ms FROM maintenance_table_settings WHERE catalog = @Catalog AND database_name = @Database AND table_name = @Table",
            new { Catalog = catalog, Database = database, Table = table }, cancellationToken: ct))).FirstOrDefault();
        return row is { Settings: not null } r
            ? new StoredTableOverrides(Read<TableMaintenanceOverrides>(r.Settings), r.UpdatedBy, DateTimeOffset.FromUnixTimeMilliseconds(r.UpdatedMs))
            : new StoredTableOverrides(new TableMaintenanceOverrides(), null, null);
    }

    /// <summary>Every table override of a catalog, keyed by (database, table).</summary>
    public async Task<IReadOnlyDictionary<(string Database, string Table), TableMaintenanceOverrides>> TablesOfCatalogAsync(string catalog, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        var rows = await connection.QueryAsync<(string Database, string Table, string Settings)>(new CommandDefinition(
            "SELECT database_name, table_name, settings FROM maintenance_table_settings WHERE catalog = @Catalog", new { Catalog = catalog }, cancellationToken: ct));
        return rows.ToDictionary(r => (r.Database, r.Table), r => Read<TableMaintenanceOverrides>(r.Settings));
    }

    public async Task<StoredTableOverrides> PutTableAsync(
        string catalog, string database, string table, TableMaintenanceOverrides overrides, string userId, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        await using var connection = await OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO maintenance_table_settings (catalog, database_name, table_name, settings, updated_by, updated_ms)
            VALUES (@Catalog, @Database, @Table, @Settings, @UpdatedBy, @UpdatedMs)
            ON CONFLICT (catalog, database_name, table_name) DO UPDATE SET settings = excluded.settings, updated_by = excluded.updated_by, updated_ms = excluded.updated_ms
            """,
            new { Catalog = catalog, Database = database, Table = table, Settings = Write(overrides), UpdatedBy = userId, UpdatedMs = now.ToUnixTimeMilliseconds() },
            cancellationToken: ct));
        return new StoredTableOverrides(overrides, userId, now);
    }

    /// <summary>The settings that apply to one table.</summary>
    public async Task<EffectiveSettings> EffectiveAsync(string catalog, string database, string table, CancellationToken ct) =>
        EffectiveSettings.Of((await GetCatalogAsync(catalog, ct)).Settings, (await GetTableAsync(catalog, database, table, ct)).Overrides);

    private static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, Json.Options)
        ?? throw new InvalidOperationException($"Stored maintenance settings are not a {typeof(T).Name}");

    private static string Write<T>(T value) => JsonSerializer.Serialize(value, Json.Options);

    private Task<DbConnection> OpenAsync(CancellationToken ct) => db.OpenAsync(MaintenanceRegistration.Service, ct);
}
