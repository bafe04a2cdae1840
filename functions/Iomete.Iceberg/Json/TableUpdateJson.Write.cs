using System.Text.Json;
using Iomete.Iceberg.Commits;

namespace Iomete.Iceberg.Json;

public static partial class TableUpdateJson
{
    /// <param name="formatVersion">The table's format version: a v1 snapshot is written without its sequence number, as the reader expects.</param>
    public static string ToJson(TableUpdate update, int formatVersion = 2) => JsonWrite.ToString(w => Write(w, update, formatVersion));

    public static void WriteList(Utf8JsonWriter writer, IEnumerable<TableUpdate> updates, int formatVersion = 2)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(updates);
        writer.WriteStartArray();
        foreach (var update in updates)
        {
            Write(writer, update, formatVersion);
        }
        writer.WriteEndArray();
    }

    /// <summary>Writes one update as the spec's object with its <c>action</c>; the inverse of <see cref="Read"/>.</summary>
    public static void Write(Utf8JsonWriter writer, TableUpdate update, int formatVersion = 2)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(update);
        writer.WriteStartObject();
        writer.WriteString("action", update.Action);
        WriteMembers(writer, update, formatVersion);
        writer.WriteEndObject();
    }

    private static void WriteMembers(Utf8JsonWriter writer, TableUpdate update, int formatVersion)
    {
        switch (update)
        {
            case AssignUuid u:
                writer.WriteString("uuid", u.Uuid.ToString("D"));
                break;
            case UpgradeFormatVersion u:
                writer.WriteNumber("format-version", u.FormatVersion);
                break;
            case AddSchema u:
                writer.WritePropertyName("schema");
                SchemaJson.Write(writer, u.Schema);
                if (u.LastColumnId is { } lastColumnId)
                {
                    writer.WriteNumber("last-column-id", lastColumnId);
                }
                break;
            case SetCurrentSchema u:
                writer.WriteNumber("schema-id", u.SchemaId);
                break;
            case AddPartitionSpec u:
                writer.WritePropertyName("spec");
                PartitionSpecJson.Write(writer, u.Spec);
                break;
            case SetDefaultSpec u:
                writer.WriteNumber("spec-id", u.SpecId);
                break;
            case AddSortOrder u:
                writer.WritePropertyName("sort-order");
                SortOrderJson.Write(writer, u.SortOrder);
                break;
            case SetDefaultSortOrder u:
                writer.WriteNumber("sort-order-id", u.SortOrderId);
                break;
            case AddSnapshot u:
                writer.WritePropertyName("snapshot");
                TableMetadataJson.WriteSnapshot(writer, u.Snapshot, formatVersion);
                break;
            case SetSnapshotRef u:
                WriteRefMembers(writer, u);
                break;
            case RemoveSnapshots u:
                WriteArray(writer, "snapshot-ids", u.SnapshotIds, (w, id) => w.WriteNumberValue(id));
                break;
            case RemoveSnapshotRef u:
                writer.WriteString("ref-name", u.RefName);
                break;
            case SetLocation u:
                writer.WriteString("location", u.Location);
                break;
            case SetProperties u:
                TableMetadataJson.WriteStringMap(writer, "updates", u.Updates);
                break;
            case RemoveProperties u:
                WriteArray(writer, "removals", u.Removals, (w, key) => w.WriteStringValue(key));
                break;
            case SetStatistics u:
                // The deprecated top-level snapshot-id is still sent: servers before 1.8 require it.
                writer.WriteNumber("snapshot-id", u.Statistics.SnapshotId);
                writer.WritePropertyName("statistics");
                TableMetadataJson.WriteStatisticsFile(writer, u.Statistics);
                break;
            case RemoveStatistics u:
                writer.WriteNumber("snapshot-id", u.SnapshotId);
                break;
            case SetPartitionStatistics u:
                writer.WritePropertyName("partition-statistics");
                TableMetadataJson.WritePartitionStatisticsFile(writer, u.PartitionStatistics);
                break;
            case RemovePartitionStatistics u:
                writer.WriteNumber("snapshot-id", u.SnapshotId);
                break;
            case RemovePartitionSpecs u:
                WriteArray(writer, "spec-ids", u.SpecIds, (w, id) => w.WriteNumberValue(id));
                break;
            case RemoveSchemas u:
                WriteArray(writer, "schema-ids", u.SchemaIds, (w, id) => w.WriteNumberValue(id));
                break;
            default:
                throw new ArgumentException($"Update action '{update.Action}' is not a table update.", nameof(update));
        }
    }

    /// <summary>The spec's SetSnapshotRefUpdate inlines the ref's members next to <c>ref-name</c>.</summary>
    private static void WriteRefMembers(Utf8JsonWriter writer, SetSnapshotRef update)
    {
        var r = update.Ref;
        writer.WriteString("ref-name", update.RefName);
        writer.WriteNumber("snapshot-id", r.SnapshotId);
        writer.WriteString("type", r.IsBranch ? "branch" : "tag");
        if (r.MinSnapshotsToKeep is { } min)
        {
            writer.WriteNumber("min-snapshots-to-keep", min);
        }
        if (r.MaxSnapshotAgeMs is { } maxSnapshotAge)
        {
            writer.WriteNumber("max-snapshot-age-ms", maxSnapshotAge);
        }
        if (r.MaxRefAgeMs is { } maxRefAge)
        {
            writer.WriteNumber("max-ref-age-ms", maxRefAge);
        }
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
}
