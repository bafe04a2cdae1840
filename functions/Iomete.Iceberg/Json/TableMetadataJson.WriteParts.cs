using System.Text.Json;
using Iomete.Iceberg.Metadata;

namespace Iomete.Iceberg.Json;

public static partial class TableMetadataJson
{
    /// <summary>Writes a snapshot; v1 snapshots have no sequence number in the spec, so it is left out for <paramref name="formatVersion"/> 1.</summary>
    public static void WriteSnapshot(Utf8JsonWriter writer, Snapshot snapshot, int formatVersion = 2)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(snapshot);
        writer.WriteStartObject();
        writer.WriteNumber("snapshot-id", snapshot.SnapshotId);
        if (snapshot.ParentSnapshotId is { } parent)
        {
            writer.WriteNumber("parent-snapshot-id", parent);
        }
        if (formatVersion >= 2)
        {
            writer.WriteNumber("sequence-number", snapshot.SequenceNumber);
        }
        writer.WriteNumber("timestamp-ms", snapshot.TimestampMs);
        writer.WriteString("manifest-list", snapshot.ManifestList);
        if (snapshot.Summary.Count > 0)
        {
            WriteStringMap(writer, "summary", snapshot.Summary);
        }
        if (snapshot.SchemaId is { } schemaId)
        {
            writer.WriteNumber("schema-id", schemaId);
        }
        if (snapshot.FirstRowId is { } firstRowId)
        {
            writer.WriteNumber("first-row-id", firstRowId);
        }
        if (snapshot.AddedRows is { } addedRows)
        {
            writer.WriteNumber("added-rows", addedRows);
        }
        writer.WriteEndObject();
    }

    public static void WriteRef(Utf8JsonWriter writer, SnapshotRef reference)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(reference);
        writer.WriteStartObject();
        writer.WriteNumber("snapshot-id", reference.SnapshotId);
        writer.WriteString("type", reference.IsBranch ? "branch" : "tag");
        if (reference.MinSnapshotsToKeep is { } min)
        {
            writer.WriteNumber("min-snapshots-to-keep", min);
        }
        if (reference.MaxSnapshotAgeMs is { } maxSnapshotAge)
        {
            writer.WriteNumber("max-snapshot-age-ms", maxSnapshotAge);
        }
        if (reference.MaxRefAgeMs is { } maxRefAge)
        {
            writer.WriteNumber("max-ref-age-ms", maxRefAge);
        }
        writer.WriteEndObject();
    }

    internal static void WriteStatisticsFile(Utf8JsonWriter writer, StatisticsFile file)
    {
        writer.WriteStartObject();
        writer.WriteNumber("snapshot-id", file.SnapshotId);
        writer.WriteString("statistics-path", file.StatisticsPath);
        writer.WriteNumber("file-size-in-bytes", file.FileSizeInBytes);
        writer.WriteNumber("file-footer-size-in-bytes", file.FileFooterSizeInBytes);
        WriteArray(writer, "blob-metadata", file.BlobMetadata, (w, b) =>
        {
            w.WriteStartObject();
            w.WriteString("type", b.Type);
            w.WriteNumber("snapshot-id", b.SnapshotId);
            w.WriteNumber("sequence-number", b.SequenceNumber);
            WriteArray(w, "fields", b.Fields, (w2, f) => w2.WriteNumberValue(f));
            if (b.Properties is { } props)
            {
                WriteStringMap(w, "properties", props);
            }
            w.WriteEndObject();
        });
        writer.WriteEndObject();
    }

    internal static void WritePartitionStatisticsFile(Utf8JsonWriter writer, PartitionStatisticsFile file)
    {
        writer.WriteStartObject();
        writer.WriteNumber("snapshot-id", file.SnapshotId);
        writer.WriteString("statistics-path", file.StatisticsPath);
        writer.WriteNumber("file-size-in-bytes", file.FileSizeInBytes);
        writer.WriteEndObject();
    }
}
