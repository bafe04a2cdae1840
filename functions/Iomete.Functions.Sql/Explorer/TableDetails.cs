using System.Globalization;
using Iomete.Engine.Catalogs;
using Iomete.Iceberg.Metadata;
using Iomete.Iceberg.Schemas;
using Iomete.Iceberg.Views;

namespace Iomete.Functions.Sql.Explorer;

/// <summary>Builds the explorer's views of Iceberg table and view metadata.</summary>
internal static class TableDetails
{
    public static TableDetail Of(CatalogTable table)
    {
        var m = table.Metadata;
        var schema = m.CurrentSchema;
        var current = m.CurrentSnapshot;
        var partitioning = m.DefaultSpec.Fields
            .Select(f => new PartitionFieldView(f.Name, schema.FindColumnName(f.SourceId) ?? f.SourceId.ToString(CultureInfo.InvariantCulture), f.Transform.ToString()))
            .ToList();
        // Under a data-security policy the caller sees only allowed columns, and no row count that a filter would change.
        var policy = table.DataPolicy;
        var columns = Columns(schema).Where(c => policy?.DeniedColumns.Contains(c.Name) != true).ToList();
        return new TableDetail(table.Ident.Catalog, table.Ident.Database, table.Ident.Name, ExplorerObjectType.Table, m.Location, m.FormatVersion,
            columns, partitioning, m.Properties, current is null ? null : Snapshot(current),
            current is null ? 0 : policy?.RowFilter is null ? Count(current, "total-records") : null, current is null ? 0 : Count(current, "total-data-files"),
            DateTimeOffset.FromUnixTimeMilliseconds(m.LastUpdatedMs), null);
    }

    public static TableDetail Of(CatalogView view)
    {
        var m = view.Metadata;
        var version = m.CurrentVersion;
        var sql = version.Representations.OfType<SqlViewRepresentation>().FirstOrDefault()?.Sql;
        return new TableDetail(view.Ident.Catalog, view.Ident.Database, view.Ident.Name, ExplorerObjectType.View, m.Location, m.FormatVersion,
            Columns(m.CurrentSchema), [], m.Properties, null, null, null, DateTimeOffset.FromUnixTimeMilliseconds(version.TimestampMs), sql);
    }

    public static SnapshotsAndRefs History(TableMetadata m) => new(
        m.Snapshots.OrderByDescending(s => s.TimestampMs).ThenByDescending(s => s.SequenceNumber).Select(Snapshot).ToList(),
        m.Refs.OrderBy(r => r.Key, StringComparer.Ordinal)
            .Select(r => new RefView(r.Key, r.Value.IsBranch ? "BRANCH" : "TAG", r.Value.SnapshotId, r.Value.MaxRefAgeMs, r.Value.MaxSnapshotAgeMs, r.Value.MinSnapshotsToKeep))
            .ToList());

    private static List<ColumnView> Columns(Schema schema) =>
        schema.Fields.Select(f => new ColumnView(f.Id, f.Name, f.Type.ToString() ?? "", !f.Required, f.Doc)).ToList();

    private static SnapshotView Snapshot(Snapshot s) =>
        new(s.SnapshotId, s.ParentSnapshotId, s.SequenceNumber, DateTimeOffset.FromUnixTimeMilliseconds(s.TimestampMs), s.Operation, s.Summary);

    private static long? Count(Snapshot s, string key) =>
        s.Summary.TryGetValue(key, out var raw) && long.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;
}
