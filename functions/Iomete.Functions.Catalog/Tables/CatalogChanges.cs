using Iomete.Functions.Catalog.Annotations;
using Iomete.Platform.Messaging;

namespace Iomete.Functions.Catalog.Tables;

/// <summary>Publishes <see cref="CatalogEntryChanged"/> on <see cref="PlatformTopics.CatalogEntries"/> after each committed edit.</summary>
public sealed class CatalogChanges(IEventBus bus, TimeProvider clock)
{
    public const string Owners = "OWNERS";
    public const string Documentation = "DOCUMENTATION";
    public const string ColumnDescription = "COLUMN_DESCRIPTION";
    public const string Classification = "CLASSIFICATION";
    public const string Favorite = "FAVORITE";
    public const string SnapshotRef = "SNAPSHOT_REF";

    public Task PublishAsync(TableKey table, string what, string? actor, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(table);
        return bus.PublishAsync(PlatformTopics.CatalogEntries,
            new CatalogEntryChanged(table.Catalog, table.Database, table.Table, what, actor, clock.GetUtcNow()), ct);
    }
}
