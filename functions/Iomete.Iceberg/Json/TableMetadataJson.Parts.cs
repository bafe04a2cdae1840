using System.Text.Json;
using System.Text.Json.Nodes;
using Iomete.Iceberg.Metadata;

namespace Iomete.Iceberg.Json;

public static partial class TableMetadataJson
{
    /// <summary>Reads a snapshot; <c>sequence-number</c> and <c>summary</c> are required from v2 on.</summary>
    public static Snapshot ReadSnapshot(JsonNode? node, string path, int formatVersion)
    {
        var obj = JsonRead.Object(node, path);
        if (obj["manifest-list"] is null && obj["manifests"] is not null)
        {
            throw IcebergFormatException.At(path, "v1 snapshots with an inline 'manifests' list are not supported (only 'manifest-list')");
        }
        var summary = obj["summary"] is { } s ? ReadStringMap(s, $"{path}.summary")
            : formatVersion >= 2 ? throw IcebergFormatException.At(path, "missing required member 'summary'")
            : null;
        if (summary is not null && !summary.ContainsKey("operation"))
        {
            throw IcebergFormatException.At($"{path}.summary", "missing required member 'operation'");
        }
        return new Snapshot(
            RequiredLong(obj, "snapshot-id", path),
            OptionalLong(obj, "parent-snapshot-id", path),
            obj["sequence-number"] is { } seq ? JsonRead.Long(seq, $"{path}.sequence-number")
                : formatVersion >= 2 ? throw IcebergFormatException.At(path, "missing required member 'sequence-number'") : 0,
            RequiredLong(obj, "timestamp-ms", path),
            JsonRead.String(obj, "manifest-list", path),
            summary ?? new Dictionary<string, string>(),
            JsonRead.OptionalInt(obj, "schema-id", path))
        {
            FirstRowId = OptionalLong(obj, "first-row-id", path),
            AddedRows = OptionalLong(obj, "added-rows", path),
        };
    }

    private static Dictionary<string, SnapshotRef> ReadRefs(JsonNode node, string path)
    {
        var refs = new Dictionary<string, SnapshotRef>(StringComparer.Ordinal);
        foreach (var (name, value) in JsonRead.Object(node, path))
        {
            var p = $"{path}.{name}";
            var obj = JsonRead.Object(value, p);
            var type = JsonRead.String(obj, "type", p) switch
            {
                "branch" => SnapshotRefType.Branch,
                "tag" => SnapshotRefType.Tag,
                var other => throw IcebergFormatException.At($"{p}.type", $"unknown ref type '{other}' (expected branch or tag)"),
            };
            var r = new SnapshotRef(
                RequiredLong(obj, "snapshot-id", p),
                type,
                JsonRead.OptionalInt(obj, "min-snapshots-to-keep", p),
                OptionalLong(obj, "max-snapshot-age-ms", p),
                OptionalLong(obj, "max-ref-age-ms", p));
            if (!r.IsBranch && (r.MinSnapshotsToKeep is not null || r.MaxSnapshotAgeMs is not null))
            {
                throw IcebergFormatException.At(p, "tags do not support min-snapshots-to-keep or max-snapshot-age-ms");
            }
            if (r.MinSnapshotsToKeep <= 0 || r.MaxSnapshotAgeMs <= 0 || r.MaxRefAgeMs <= 0)
            {
                throw IcebergFormatException.At(p, "retention settings must be positive");
            }
            refs[name] = r;
        }
        return refs;
    }

    private static SnapshotLogEntry ReadSnapshotLogEntry(JsonNode? node, string path)
    {
        var obj = JsonRead.Object(node, path);
        return new SnapshotLogEntry(RequiredLong(obj, "snapshot-id", path), RequiredLong(obj, "timestamp-ms", path));
    }

    private static MetadataLogEntry ReadMetadataLogEntry(JsonNode? node, string path)
    {
        var obj = JsonRead.Object(node, path);
        return new MetadataLogEntry(JsonRead.String(obj, "metadata-file", path), RequiredLong(obj, "timestamp-ms", path));
    }

    internal static StatisticsFile ReadStatisticsFile(JsonNode? node, string path)
    {
        var obj = JsonRead.Object(node, path);
        return new StatisticsFile(
            RequiredLong(obj, "snapshot-id", path),
            JsonRead.String(obj, "statistics-path", path),
            RequiredLong(obj, "file-size-in-bytes", path),
            RequiredLong(obj, "file-footer-size-in-bytes", path),
            ReadList(JsonRead.Required(obj, "blob-metadata", path), $"{path}.blob-metadata", ReadBlob));
    }

    private static BlobMetadata ReadBlob(JsonNode? node, string path)
    {
        var obj = JsonRead.Object(node, path);
        return new BlobMetadata(
            JsonRead.String(obj, "type", path),
            RequiredLong(obj, "snapshot-id", path),
            RequiredLong(obj, "sequence-number", path),
            ReadList(JsonRead.Required(obj, "fields", path), $"{path}.fields", (n, p) => JsonRead.Int(n ?? throw IcebergFormatException.At(p, "expected an integer, got null"), p)),
            obj["properties"] is { } props ? ReadStringMap(props, $"{path}.properties") : null);
    }

    internal static PartitionStatisticsFile ReadPartitionStatisticsFile(JsonNode? node, string path)
    {
        var obj = JsonRead.Object(node, path);
        return new PartitionStatisticsFile(
            RequiredLong(obj, "snapshot-id", path),
            JsonRead.String(obj, "statistics-path", path),
            RequiredLong(obj, "file-size-in-bytes", path));
    }

    private static List<T> ReadList<T>(JsonObject obj, string member, string path, Func<JsonNode?, string, T> read) =>
        obj[member] is { } node ? ReadList(node, $"{path}.{member}", read) : [];

    private static List<T> ReadList<T>(JsonNode node, string path, Func<JsonNode?, string, T> read)
    {
        var array = JsonRead.Array(node, path);
        var items = new List<T>(array.Count);
        for (var i = 0; i < array.Count; i++)
        {
            items.Add(read(array[i], $"{path}[{i}]"));
        }
        return items;
    }

    internal static Dictionary<string, string> ReadStringMap(JsonNode node, string path)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in JsonRead.Object(node, path))
        {
            map[key] = value is JsonValue v && v.GetValueKind() == JsonValueKind.String
                ? v.GetValue<string>()
                : throw IcebergFormatException.At($"{path}.{key}", $"expected a string, got {JsonRead.Kind(value)}");
        }
        return map;
    }

    internal static long RequiredLong(JsonObject obj, string name, string path) =>
        JsonRead.Long(JsonRead.Required(obj, name, path), $"{path}.{name}");

    internal static long? OptionalLong(JsonObject obj, string name, string path) =>
        obj[name] is { } node ? JsonRead.Long(node, $"{path}.{name}") : null;
}
