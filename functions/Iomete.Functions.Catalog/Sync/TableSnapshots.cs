using System.Globalization;
using Iomete.Engine.Catalogs;
using Iomete.Functions.Catalog.Annotations;
using Iomete.Functions.Catalog.Index;
using Iomete.Iceberg.Partitioning;

namespace Iomete.Functions.Catalog.Sync;

/// <summary>Turns Iceberg table and view metadata into what the index stores.</summary>
public static class TableSnapshots
{
    public const string OwnerProperty = "owner";
    public const string CommentProperty = "comment";

    public static TableSnapshot From(TableKey key, CatalogTable table)
    {
        var metadata = table.Metadata;
        var schema = metadata.CurrentSchema;
        var partitionSources = metadata.DefaultSpec.Fields.Where(f => f.Transform is not VoidTransform).Select(f => f.SourceId).ToHashSet();
        var columns = schema.Fields
            .Select((f, i) => new IndexedColumn(i, f.Name, f.Type.ToString(), f.Doc, partitionSources.Contains(f.Id)))
            .ToList();
        var summary = metadata.CurrentSnapshot?.Summary;
        var created = metadata.MetadataLog.Select(m => m.TimestampMs)
            .Concat(metadata.SnapshotLog.Select(s => s.TimestampMs))
            .Append(metadata.LastUpdatedMs)
            .Min();
        return new TableSnapshot(
            key.Catalog, key.Database, key.Table, IndexedTypes.Table, metadata.Location, table.MetadataLocation,
            Property(metadata.Properties, OwnerProperty), Property(metadata.Properties, CommentProperty),
            Stat(summary, "total-records"), Stat(summary, "total-data-files"), Stat(summary, "total-files-size"),
            DateTimeOffset.FromUnixTimeMilliseconds(created), DateTimeOffset.FromUnixTimeMilliseconds(metadata.LastUpdatedMs), columns);
    }

    public static TableSnapshot From(TableKey key, CatalogView view)
    {
        var metadata = view.Metadata;
        var columns = metadata.CurrentSchema.Fields.Select((f, i) => new IndexedColumn(i, f.Name, f.Type.ToString(), f.Doc, false)).ToList();
        var current = metadata.CurrentVersion.TimestampMs;
        var created = metadata.VersionLog.Select(v => v.TimestampMs).Append(current).Min();
        return new TableSnapshot(
            key.Catalog, key.Database, key.Table, IndexedTypes.View, metadata.Location, view.MetadataLocation,
            Property(metadata.Properties, OwnerProperty), Property(metadata.Properties, CommentProperty),
            null, null, null, DateTimeOffset.FromUnixTimeMilliseconds(created), DateTimeOffset.FromUnixTimeMilliseconds(current), columns);
    }

    public static string? Property(IReadOnlyDictionary<string, string> properties, string name) =>
        properties.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value : null;

    /// <summary>A snapshot summary total; 0 for a table without snapshots, null when the summary does not say.</summary>
    private static long? Stat(IReadOnlyDictionary<string, string>? summary, string name) =>
        summary is null ? 0
        : summary.TryGetValue(name, out var text) && long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value
        : null;
}
