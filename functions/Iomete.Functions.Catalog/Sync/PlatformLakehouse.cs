using Iomete.Engine.Catalogs;
using Iomete.Functions.Catalog.Annotations;
using Iomete.Functions.Catalog.Index;
using Iomete.Platform.Security;
using Microsoft.Extensions.Options;

namespace Iomete.Functions.Catalog.Sync;

/// <summary>What the lakehouse says of one table key: a table or view to index, one excluded from the index, or nothing.</summary>
public sealed record LakehouseEntry(TableSnapshot? Snapshot, bool Excluded)
{
    public bool Exists => Snapshot is not null || Excluded;
}

/// <summary>
/// The lakehouse as the platform itself sees it (the internal app token: every catalog, database and table), read for
/// the index. Tables with the property <c>iomete.governance.index=false</c> are reported as excluded.
/// </summary>
public sealed class PlatformLakehouse(ILakehouseCatalogFactory factory, IOptions<InternalCallOptions> internalCalls)
{
    public const string ExcludeProperty = "iomete.governance.index";

    /// <summary>A fresh client (each keeps its own metadata cache; one per sync or event).</summary>
    public ILakehouseCatalog Client() => factory.ForCaller(new Dictionary<string, string>
    {
        [InternalCallOptions.Header] = internalCalls.Value.AppApiToken
            ?? throw new InvalidOperationException($"{InternalCallOptions.Section}:AppApiToken is not set; the catalog index cannot read the lakehouse"),
    });

    public static async Task<LakehouseEntry> ReadAsync(ILakehouseCatalog client, TableKey key, CancellationToken ct)
    {
        var ident = new TableIdent(key.Catalog, key.Database, key.Table);
        try
        {
            if (await client.LoadTableAsync(ident, ct) is { } table)
            {
                return Excluded(table.Metadata.Properties) ? new(null, true) : new(TableSnapshots.From(key, table), false);
            }
            if (await client.LoadViewAsync(ident, ct) is { } view)
            {
                return Excluded(view.Metadata.Properties) ? new(null, true) : new(TableSnapshots.From(key, view), false);
            }
        }
        catch (CatalogNotFoundException)
        {
            // The catalog or database is gone: so is the table.
        }
        return new(null, false);
    }

    /// <summary>A database's properties, or null when it does not exist.</summary>
    public static async Task<IReadOnlyDictionary<string, string>?> DatabaseAsync(ILakehouseCatalog client, string catalog, string database, CancellationToken ct)
    {
        try
        {
            return await client.LoadDatabasePropertiesAsync(catalog, database, ct);
        }
        catch (CatalogNotFoundException)
        {
            return null;
        }
    }

    private static bool Excluded(IReadOnlyDictionary<string, string> properties) =>
        properties.TryGetValue(ExcludeProperty, out var value) && string.Equals(value.Trim(), "false", StringComparison.OrdinalIgnoreCase);
}
