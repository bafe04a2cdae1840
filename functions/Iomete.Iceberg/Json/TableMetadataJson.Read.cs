using System.Text.Json.Nodes;
using Iomete.Iceberg.Metadata;
using Iomete.Iceberg.Partitioning;
using Iomete.Iceberg.Schemas;
using Iomete.Iceberg.Sorting;

namespace Iomete.Iceberg.Json;

/// <summary>
/// Reads and writes <see cref="TableMetadata"/> as the spec's table metadata JSON. Reading is strict about
/// the members the spec defines (kinds, required members per format version, ids that must resolve) and
/// ignores members it does not know, as the reference implementation does.
/// </summary>
public static partial class TableMetadataJson
{
    public static TableMetadata Parse(string json) => Read(JsonRead.ParseDocument(json), "$");

    /// <summary>
    /// Reads a metadata object. v1 metadata is upgraded in memory as the reference parser does: the single
    /// <c>schema</c> and <c>partition-spec</c> become lists with id 0, a missing <c>last-partition-id</c> is
    /// the highest partition field id, missing sort orders mean unsorted.
    /// </summary>
    public static TableMetadata Read(JsonNode? node, string path)
    {
        var obj = JsonRead.Object(node, path);
        var version = JsonRead.Int(obj, "format-version", path);
        if (version is < TableMetadata.MinFormatVersion or > TableMetadata.MaxFormatVersion)
        {
            throw IcebergFormatException.At($"{path}.format-version", $"Cannot read unsupported version {version} (supported: {TableMetadata.MinFormatVersion}-{TableMetadata.MaxFormatVersion})");
        }
        var v1 = version == 1;

        var uuidText = v1 ? JsonRead.OptionalString(obj, "table-uuid", path) : JsonRead.String(obj, "table-uuid", path);
        Guid? uuid = uuidText is null ? null
            : Guid.TryParse(uuidText, out var g) ? g : throw IcebergFormatException.At($"{path}.table-uuid", $"not a UUID: '{uuidText}'");

        var (schemas, currentSchemaId) = ReadSchemas(obj, path, v1, version);
        var (specs, defaultSpecId) = ReadSpecs(obj, path, v1, version);
        var lastPartitionId = JsonRead.OptionalInt(obj, "last-partition-id", path)
            ?? (v1 ? specs.Select(s => s.LastAssignedFieldId).DefaultIfEmpty(PartitionSpec.FirstFieldId - 1).Max() : throw Missing(path, "last-partition-id", version));
        var (orders, defaultOrderId) = ReadOrders(obj, path, v1, version);

        var snapshots = ReadList(obj, "snapshots", path, (n, p) => ReadSnapshot(n, p, version));
        var currentSnapshotId = obj["current-snapshot-id"] is { } cs ? JsonRead.Long(cs, $"{path}.current-snapshot-id") : -1;
        var refs = obj["refs"] is { } refsNode ? ReadRefs(refsNode, $"{path}.refs") : new Dictionary<string, SnapshotRef>();
        if (currentSnapshotId != -1)
        {
            refs.TryAdd(SnapshotRef.MainBranch, SnapshotRef.Branch(currentSnapshotId)); // metadata written before refs existed
        }

        var metadata = new TableMetadata
        {
            FormatVersion = version,
            TableUuid = uuid,
            Location = JsonRead.String(obj, "location", path),
            LastSequenceNumber = obj["last-sequence-number"] is { } lsn ? JsonRead.Long(lsn, $"{path}.last-sequence-number")
                : v1 ? 0 : throw Missing(path, "last-sequence-number", version),
            LastUpdatedMs = JsonRead.Long(JsonRead.Required(obj, "last-updated-ms", path), $"{path}.last-updated-ms"),
            LastColumnId = JsonRead.Int(obj, "last-column-id", path),
            Schemas = schemas,
            CurrentSchemaId = currentSchemaId,
            PartitionSpecs = specs,
            DefaultSpecId = defaultSpecId,
            LastPartitionId = lastPartitionId,
            SortOrders = orders,
            DefaultSortOrderId = defaultOrderId,
            Properties = obj["properties"] is { } props ? ReadStringMap(props, $"{path}.properties") : new Dictionary<string, string>(),
            CurrentSnapshotId = currentSnapshotId == -1 ? null : currentSnapshotId,
            Snapshots = snapshots,
            SnapshotLog = ReadList(obj, "snapshot-log", path, ReadSnapshotLogEntry),
            MetadataLog = ReadList(obj, "metadata-log", path, ReadMetadataLogEntry),
            Refs = refs,
            Statistics = ReadList(obj, "statistics", path, ReadStatisticsFile),
            PartitionStatistics = ReadList(obj, "partition-statistics", path, ReadPartitionStatisticsFile),
            NextRowId = obj["next-row-id"] is { } nr ? JsonRead.Long(nr, $"{path}.next-row-id")
                : version >= 3 ? throw Missing(path, "next-row-id", version) : null,
        };
        Validate(metadata, path);
        return metadata;
    }

    private static (List<Schema>, int) ReadSchemas(JsonObject obj, string path, bool v1, int version)
    {
        if (obj["schemas"] is { } node)
        {
            var schemas = ReadList(node, $"{path}.schemas", SchemaJson.Read);
            var currentId = JsonRead.Int(obj, "current-schema-id", path);
            return schemas.Exists(s => s.SchemaId == currentId) // checked first, as the reference parser does
                ? (schemas, currentId)
                : throw IcebergFormatException.At($"{path}.current-schema-id", $"Cannot find schema with current-schema-id={currentId} from schemas");
        }
        if (!v1)
        {
            throw Missing(path, "schemas", version);
        }
        var schema = SchemaJson.Read(JsonRead.Required(obj, "schema", path), $"{path}.schema");
        return ([schema], schema.SchemaId);
    }

    private static (List<PartitionSpec>, int) ReadSpecs(JsonObject obj, string path, bool v1, int version)
    {
        if (obj["partition-specs"] is { } node)
        {
            return (ReadList(node, $"{path}.partition-specs", PartitionSpecJson.Read), JsonRead.Int(obj, "default-spec-id", path));
        }
        if (!v1)
        {
            throw Missing(path, "partition-specs", version);
        }
        var fields = PartitionSpecJson.ReadFields(JsonRead.Required(obj, "partition-spec", path), $"{path}.partition-spec");
        try
        {
            return ([new PartitionSpec(0, fields)], 0);
        }
        catch (SchemaValidationException ex)
        {
            throw new IcebergFormatException($"{path}.partition-spec: {ex.Message}", ex) { Path = $"{path}.partition-spec" };
        }
    }

    private static (List<SortOrder>, int) ReadOrders(JsonObject obj, string path, bool v1, int version)
    {
        if (obj["sort-orders"] is { } node)
        {
            return (ReadList(node, $"{path}.sort-orders", SortOrderJson.Read), JsonRead.Int(obj, "default-sort-order-id", path));
        }
        return v1 ? ([SortOrder.Unsorted], SortOrder.UnsortedOrderId) : throw Missing(path, "sort-orders", version);
    }

    private static IcebergFormatException Missing(string path, string member, int version) =>
        IcebergFormatException.At(path, $"{member} must exist in format v{version}");
}
