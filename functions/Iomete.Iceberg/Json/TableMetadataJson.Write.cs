using System.Text.Json;
using Iomete.Iceberg.Metadata;

namespace Iomete.Iceberg.Json;

public static partial class TableMetadataJson
{
    /// <summary>
    /// The spec JSON in the metadata's own format version. v1 metadata stays v1 and, as the reference writer
    /// does, carries both the v1 forms (<c>schema</c>, <c>partition-spec</c>) and the list forms, so v1-only
    /// readers still read it. A missing current snapshot is written as <c>current-snapshot-id: -1</c>.
    /// </summary>
    public static string ToJson(TableMetadata metadata, bool indented = false) =>
        JsonWrite.ToString(w => Write(w, metadata), indented);

    public static void Write(Utf8JsonWriter writer, TableMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(metadata);
        var m = metadata;
        var v1 = m.FormatVersion == 1;
        writer.WriteStartObject();
        writer.WriteNumber("format-version", m.FormatVersion);
        if (m.TableUuid is { } uuid)
        {
            writer.WriteString("table-uuid", uuid.ToString("D"));
        }
        writer.WriteString("location", m.Location);
        if (!v1)
        {
            writer.WriteNumber("last-sequence-number", m.LastSequenceNumber);
        }
        writer.WriteNumber("last-updated-ms", m.LastUpdatedMs);
        writer.WriteNumber("last-column-id", m.LastColumnId);
        if (m.NextRowId is { } nextRowId)
        {
            writer.WriteNumber("next-row-id", nextRowId);
        }
        if (v1)
        {
            writer.WritePropertyName("schema");
            SchemaJson.Write(writer, m.CurrentSchema);
        }
        writer.WriteNumber("current-schema-id", m.CurrentSchemaId);
        WriteArray(writer, "schemas", m.Schemas, SchemaJson.Write);
        if (v1)
        {
            WriteArray(writer, "partition-spec", m.DefaultSpec.Fields, (w, f) =>
            {
                w.WriteStartObject();
                w.WriteString("name", f.Name);
                w.WriteString("transform", f.Transform.ToString());
                w.WriteNumber("source-id", f.SourceId);
                w.WriteNumber("field-id", f.FieldId);
                w.WriteEndObject();
            });
        }
        writer.WriteNumber("default-spec-id", m.DefaultSpecId);
        WriteArray(writer, "partition-specs", m.PartitionSpecs, PartitionSpecJson.Write);
        writer.WriteNumber("last-partition-id", m.LastPartitionId);
        writer.WriteNumber("default-sort-order-id", m.DefaultSortOrderId);
        WriteArray(writer, "sort-orders", m.SortOrders, SortOrderJson.Write);
        WriteStringMap(writer, "properties", m.Properties);
        writer.WriteNumber("current-snapshot-id", m.CurrentSnapshotId ?? -1);
        writer.WriteStartObject("refs");
        foreach (var (name, r) in m.Refs)
        {
            writer.WritePropertyName(name);
            WriteRef(writer, r);
        }
        writer.WriteEndObject();
        WriteArray(writer, "snapshots", m.Snapshots, (w, s) => WriteSnapshot(w, s, m.FormatVersion));
        WriteArray(writer, "statistics", m.Statistics, WriteStatisticsFile);
        WriteArray(writer, "partition-statistics", m.PartitionStatistics, WritePartitionStatisticsFile);
        WriteArray(writer, "snapshot-log", m.SnapshotLog, (w, e) =>
        {
            w.WriteStartObject();
            w.WriteNumber("timestamp-ms", e.TimestampMs);
            w.WriteNumber("snapshot-id", e.SnapshotId);
            w.WriteEndObject();
        });
        WriteArray(writer, "metadata-log", m.MetadataLog, (w, e) =>
        {
            w.WriteStartObject();
            w.WriteNumber("timestamp-ms", e.TimestampMs);
            w.WriteString("metadata-file", e.MetadataFile);
            w.WriteEndObject();
        });
        writer.WriteEndObject();
    }

    private static void WriteArray<T>(Utf8JsonWriter writer, string name, IEnumerable<T> items, Action<Utf8JsonWriter, T> write)
    {
        writer.WriteStartArray(name);
        foreach (var item in items)
        {
            write(writer, item);
        }
        writer.WriteEndArray();
    }

    internal static void WriteStringMap(Utf8JsonWriter writer, string name, IReadOnlyDictionary<string, string> map)
    {
        writer.WriteStartObject(name);
        foreach (var (key, value) in map)
        {
            writer.WriteString(key, value);
        }
        writer.WriteEndObject();
    }
}
