using System.Globalization;
using System.Text.RegularExpressions;
using Iomete.Engine.Catalogs;
using Iomete.Functions.Catalog.Annotations;
using Iomete.Iceberg.Metadata;
using Iomete.Iceberg.Partitioning;
using Iomete.Iceberg.Schemas;

namespace Iomete.Functions.Catalog.Tables;

/// <summary>Turns Iceberg metadata (and the catalog's annotations) into the details' views.</summary>
internal static partial class TableShapes
{
    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex PlainIdentifier();

    public static string Quote(string name) => PlainIdentifier().IsMatch(name) ? name : "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    public static string SelectSnippet(TableKey key) => $"SELECT * FROM {Quote(key.Catalog)}.{Quote(key.Database)}.{Quote(key.Table)} LIMIT 100";

    public static long? Summary(Snapshot? s, string key) =>
        s is not null && s.Summary.TryGetValue(key, out var raw) && long.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;

    /// <summary>The visible columns (denied ones left out) with their annotations.</summary>
    public static List<TableColumnView> Columns(LoadedEntry entry, TableAnnotations? annotations)
    {
        Schema schema;
        HashSet<int> partitionSources = [];
        if (entry.Table is { } table)
        {
            schema = table.Metadata.CurrentSchema;
            partitionSources = table.Metadata.DefaultSpec.Fields.Where(f => f.Transform is not VoidTransform).Select(f => f.SourceId).ToHashSet();
        }
        else
        {
            schema = entry.View!.Metadata.CurrentSchema;
        }
        return schema.Fields
            .Where(f => !entry.DeniedColumns.Contains(f.Name))
            .Select(f =>
            {
                var notes = annotations?.Columns.GetValueOrDefault(f.Name);
                return new TableColumnView(f.Id, f.Name, f.Type.ToString() ?? "", !f.Required, notes?.Description ?? f.Doc, notes?.Tags ?? [],
                    partitionSources.Contains(f.Id));
            })
            .ToList();
    }

    public static TableDetailsView Details(LoadedEntry entry, TableAnnotations? annotations, int pending)
    {
        var key = entry.Key;
        var columns = Columns(entry, annotations);
        var full = $"{key.Catalog}.{key.Database}.{key.Table}";
        if (entry.Table is { } table)
        {
            var m = table.Metadata;
            var current = m.CurrentSnapshot;
            var rows = table.DataPolicy?.RowFilter is null ? Summary(current, "total-records") ?? 0 : (long?)null;
            var stats = new TableStatistics(Summary(current, "total-files-size") ?? 0, Summary(current, "total-data-files") ?? 0, columns.Count, rows);
            return new TableDetailsView(m.TableUuid?.ToString() ?? full, key.Table, full, key.Catalog, key.Database, "TABLE", "iceberg", m.Location, stats,
                Owners(annotations, m.Properties), annotations?.Description, annotations?.Tags ?? [], pending, m.Properties,
                DateTimeOffset.FromUnixTimeMilliseconds(m.LastUpdatedMs), SelectSnippet(key), null);
        }
        var view = entry.View!.Metadata;
        var version = view.CurrentVersion;
        var sql = version.Representations.OfType<Iceberg.Views.SqlViewRepresentation>().FirstOrDefault()?.Sql;
        return new TableDetailsView(view.ViewUuid.ToString(), key.Table, full, key.Catalog, key.Database, "VIEW", "iceberg", view.Location,
            new TableStatistics(null, null, columns.Count, null), Owners(annotations, view.Properties), annotations?.Description, annotations?.Tags ?? [],
            pending, view.Properties, DateTimeOffset.FromUnixTimeMilliseconds(version.TimestampMs), SelectSnippet(key), sql);
    }

    /// <summary>The owners set in the catalog, else the table's <c>owner</c> property.</summary>
    private static IReadOnlyList<string> Owners(TableAnnotations? annotations, IReadOnlyDictionary<string, string> properties) =>
        annotations is { Owners.Count: > 0 } ? annotations.Owners
        : properties.TryGetValue("owner", out var owner) && owner.Length > 0 ? [owner] : [];

    public static SnapshotsView Snapshots(TableMetadata m) => new(
        m.CurrentSnapshotId,
        m.Snapshots.OrderByDescending(s => s.TimestampMs).ThenByDescending(s => s.SequenceNumber)
            .Select(s => new SnapshotView(s.SnapshotId, s.ParentSnapshotId, s.SequenceNumber, DateTimeOffset.FromUnixTimeMilliseconds(s.TimestampMs), s.Operation, s.Summary))
            .ToList(),
        m.Refs.OrderBy(r => r.Key, StringComparer.Ordinal)
            .Select(r => new SnapshotRefView(r.Key, r.Value.IsBranch ? "BRANCH" : "TAG", r.Value.SnapshotId, r.Value.MaxRefAgeMs, r.Value.MaxSnapshotAgeMs,
                r.Value.MinSnapshotsToKeep))
            .ToList());

    public static string ColumnName(Schema schema, PartitionField field) =>
        schema.FindColumnName(field.SourceId) ?? field.SourceId.ToString(CultureInfo.InvariantCulture);
}
