using System.Text.Json.Nodes;
using Iomete.Iceberg.Commits;
using Iomete.Iceberg.Metadata;

namespace Iomete.Iceberg.Json;

/// <summary>Strict reader for the spec's <c>TableUpdate</c> objects, by their <c>action</c>.</summary>
public static partial class TableUpdateJson
{
    public static TableUpdate Parse(string json, int formatVersion = 2) => Read(JsonRead.ParseDocument(json), "$", formatVersion);

    public static IReadOnlyList<TableUpdate> ReadList(JsonNode? node, string path, int formatVersion = 2)
    {
        var array = JsonRead.Array(node, path);
        return [.. array.Select((n, i) => Read(n, $"{path}[{i}]", formatVersion))];
    }

    /// <summary>Reads one update; <paramref name="formatVersion"/> decides which snapshot members are required.</summary>
    public static TableUpdate Read(JsonNode? node, string path, int formatVersion = 2)
    {
        var obj = JsonRead.Object(node, path);
        return JsonRead.String(obj, "action", path) switch
        {
            "assign-uuid" => new AssignUuid(ReadUuid(obj, "uuid", path)),
            "upgrade-format-version" => new UpgradeFormatVersion(JsonRead.Int(obj, "format-version", path)),
            "add-schema" => new AddSchema(
                SchemaJson.Read(JsonRead.Required(obj, "schema", path), $"{path}.schema"),
                JsonRead.OptionalInt(obj, "last-column-id", path)),
            "set-current-schema" => new SetCurrentSchema(JsonRead.Int(obj, "schema-id", path)),
            "add-spec" => new AddPartitionSpec(PartitionSpecJson.Read(JsonRead.Required(obj, "spec", path), $"{path}.spec")),
            "set-default-spec" => new SetDefaultSpec(JsonRead.Int(obj, "spec-id", path)),
            "add-sort-order" => new AddSortOrder(SortOrderJson.Read(JsonRead.Required(obj, "sort-order", path), $"{path}.sort-order")),
            "set-default-sort-order" => new SetDefaultSortOrder(JsonRead.Int(obj, "sort-order-id", path)),
            "add-snapshot" => new AddSnapshot(TableMetadataJson.ReadSnapshot(JsonRead.Required(obj, "snapshot", path), $"{path}.snapshot", formatVersion)),
            "set-snapshot-ref" => new SetSnapshotRef(JsonRead.String(obj, "ref-name", path), ReadRef(obj, path)),
            "remove-snapshots" => new RemoveSnapshots(ReadArray(obj, "snapshot-ids", path, JsonRead.Long)),
            "remove-snapshot-ref" => new RemoveSnapshotRef(JsonRead.String(obj, "ref-name", path)),
            "set-location" => new SetLocation(JsonRead.String(obj, "location", path)),
            "set-properties" => new SetProperties(TableMetadataJson.ReadStringMap(JsonRead.Required(obj, "updates", path), $"{path}.updates")),
            "remove-properties" => new RemoveProperties(ReadArray(obj, "removals", path, JsonRead.String)),
            "set-statistics" => new SetStatistics(TableMetadataJson.ReadStatisticsFile(JsonRead.Required(obj, "statistics", path), $"{path}.statistics")),
            "remove-statistics" => new RemoveStatistics(TableMetadataJson.RequiredLong(obj, "snapshot-id", path)),
            "set-partition-statistics" => new SetPartitionStatistics(
                TableMetadataJson.ReadPartitionStatisticsFile(JsonRead.Required(obj, "partition-statistics", path), $"{path}.partition-statistics")),
            "remove-partition-statistics" => new RemovePartitionStatistics(TableMetadataJson.RequiredLong(obj, "snapshot-id", path)),
            "remove-partition-specs" => new RemovePartitionSpecs(ReadArray(obj, "spec-ids", path, JsonRead.Int)),
            "remove-schemas" => new RemoveSchemas(ReadArray(obj, "schema-ids", path, JsonRead.Int)),
            var other => throw IcebergFormatException.At($"{path}.action", $"unknown update action '{other}'"),
        };
    }

    internal static Guid ReadUuid(JsonObject obj, string name, string path) =>
        Guid.TryParse(JsonRead.String(obj, name, path), out var g)
            ? g
            : throw IcebergFormatException.At($"{path}.{name}", "expected a UUID string");

    private static SnapshotRef ReadRef(JsonObject obj, string path)
    {
        var type = JsonRead.String(obj, "type", path) switch
        {
            "branch" => SnapshotRefType.Branch,
            "tag" => SnapshotRefType.Tag,
            var other => throw IcebergFormatException.At($"{path}.type", $"unknown ref type '{other}' (expected branch or tag)"),
        };
        return new SnapshotRef(
            TableMetadataJson.RequiredLong(obj, "snapshot-id", path),
            type,
            JsonRead.OptionalInt(obj, "min-snapshots-to-keep", path),
            TableMetadataJson.OptionalLong(obj, "max-snapshot-age-ms", path),
            TableMetadataJson.OptionalLong(obj, "max-ref-age-ms", path));
    }

    private static List<T> ReadArray<T>(JsonObject obj, string name, string path, Func<JsonNode, string, T> read)
    {
        var array = JsonRead.Array(JsonRead.Required(obj, name, path), $"{path}.{name}");
        var items = new List<T>(array.Count);
        for (var i = 0; i < array.Count; i++)
        {
            var p = $"{path}.{name}[{i}]";
            items.Add(read(array[i] ?? throw IcebergFormatException.At(p, "unexpected null"), p));
        }
        return items;
    }
}
