using System.Text.Json;
using Iomete.Iceberg.Manifests;
using Iomete.Iceberg.Metadata;
using Iomete.Iceberg.Scan;
using Iomete.Iceberg.Schemas;
using Iomete.Iceberg.Types;

namespace Iomete.Iceberg.Json;

/// <summary>
/// Writes a scan plan as the REST spec's <c>ScanTasks</c> members (<c>delete-files</c>, <c>file-scan-tasks</c> with
/// <c>delete-file-references</c>) and content files (<c>DataFile</c>, <c>PositionDeleteFile</c>, <c>EqualityDeleteFile</c>):
/// partition values and bounds in the spec's value forms, metrics only for the requested <c>stats-fields</c> ids.
/// No residual filter is written (clients then apply the original filter).
/// </summary>
public static class ScanTasksJson
{
    /// <summary>Writes <c>delete-files</c> and <c>file-scan-tasks</c> into the object being written.</summary>
    public static void WriteMembers(Utf8JsonWriter writer, ScanPlan plan, TableMetadata metadata, IReadOnlyCollection<int>? statsFieldIds = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(metadata);
        var deletes = new List<ScanFile>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var d in plan.Tasks.SelectMany(t => t.DeleteFiles))
        {
            if (index.TryAdd(d.File.FilePath, deletes.Count))
            {
                deletes.Add(d);
            }
        }
        writer.WriteStartArray("delete-files");
        foreach (var d in deletes)
        {
            WriteContentFile(writer, d, plan.Schema, metadata, statsFieldIds);
        }
        writer.WriteEndArray();
        writer.WriteStartArray("file-scan-tasks");
        foreach (var task in plan.Tasks)
        {
            writer.WriteStartObject();
            writer.WritePropertyName("data-file");
            WriteContentFile(writer, task.DataFile, plan.Schema, metadata, statsFieldIds);
            if (task.DeleteFiles.Count > 0)
            {
                writer.WriteStartArray("delete-file-references");
                foreach (var d in task.DeleteFiles)
                {
                    writer.WriteNumberValue(index[d.File.FilePath]);
                }
                writer.WriteEndArray();
            }
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
    }

    /// <summary>One content file as a JSON object.</summary>
    public static void WriteContentFile(Utf8JsonWriter writer, ScanFile file, Schema schema, TableMetadata metadata, IReadOnlyCollection<int>? statsFieldIds = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(metadata);
        var f = file.File;
        writer.WriteStartObject();
        writer.WriteString("content", f.Content switch
        {
            FileContent.PositionDeletes => "position-deletes",
            FileContent.EqualityDeletes => "equality-deletes",
            _ => "data",
        });
        writer.WriteString("file-path", f.FilePath);
        writer.WriteString("file-format", f.FileFormat.ToString().ToLowerInvariant());
        writer.WriteNumber("spec-id", file.SpecId);
        writer.WriteStartArray("partition");
        var partitionType = PartitionType(metadata, file.SpecId, schema);
        for (var i = 0; i < f.Partition.Count; i++)
        {
            WriteValue(writer, partitionType is not null && i < partitionType.Fields.Count ? partitionType.Fields[i].Type as PrimitiveType : null, f.Partition[i]);
        }
        writer.WriteEndArray();
        writer.WriteNumber("file-size-in-bytes", f.FileSizeInBytes);
        writer.WriteNumber("record-count", f.RecordCount);
        if (f.KeyMetadata is not null)
        {
            writer.WriteString("key-metadata", Convert.ToHexString(f.KeyMetadata));
        }
        if (f.SplitOffsets is not null)
        {
            writer.WriteStartArray("split-offsets");
            foreach (var offset in f.SplitOffsets)
            {
                writer.WriteNumberValue(offset);
            }
            writer.WriteEndArray();
        }
        if (f.SortOrderId is { } order)
        {
            writer.WriteNumber("sort-order-id", order);
        }
        if (f.EqualityIds is not null && f.Content == FileContent.EqualityDeletes)
        {
            writer.WriteStartArray("equality-ids");
            foreach (var id in f.EqualityIds)
            {
                writer.WriteNumberValue(id);
            }
            writer.WriteEndArray();
        }
        if (statsFieldIds is { Count: > 0 } && f.Content == FileContent.Data)
        {
            bool Wanted(int id) => statsFieldIds.Contains(id);
            WriteCounts(writer, "column-sizes", f.ColumnSizes, Wanted);
            WriteCounts(writer, "value-counts", f.ValueCounts, Wanted);
            WriteCounts(writer, "null-value-counts", f.NullValueCounts, Wanted);
            WriteCounts(writer, "nan-value-counts", f.NanValueCounts, Wanted);
            WriteBounds(writer, "lower-bounds", f.LowerBounds, schema, Wanted);
            WriteBounds(writer, "upper-bounds", f.UpperBounds, schema, Wanted);
        }
        writer.WriteEndObject();
    }

    private static StructType? PartitionType(TableMetadata metadata, int specId, Schema schema)
    {
        try
        {
            return metadata.SpecById(specId)?.PartitionType(schema);
        }
        catch (SchemaValidationException)
        {
            return null;
        }
    }

    private static void WriteValue(Utf8JsonWriter writer, PrimitiveType? type, object? value)
    {
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else if (type is not null)
        {
            LiteralJson.WriteTyped(writer, type, Expressions.RowEvaluator.Widen(type, value)!);
        }
        else
        {
            LiteralJson.WriteUnbound(writer, value);
        }
    }

    private static void WriteCounts(Utf8JsonWriter writer, string name, IReadOnlyDictionary<int, long>? counts, Func<int, bool> wanted)
    {
        var kept = counts?.Where(p => wanted(p.Key)).OrderBy(p => p.Key).ToList();
        if (kept is not { Count: > 0 })
        {
            return;
        }
        writer.WriteStartObject(name);
        writer.WriteStartArray("keys");
        kept.ForEach(p => writer.WriteNumberValue(p.Key));
        writer.WriteEndArray();
        writer.WriteStartArray("values");
        kept.ForEach(p => writer.WriteNumberValue(p.Value));
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteBounds(Utf8JsonWriter writer, string name, IReadOnlyDictionary<int, byte[]>? bounds, Schema schema, Func<int, bool> wanted)
    {
        var kept = new List<(int Id, PrimitiveType Type, object Value)>();
        foreach (var (id, bytes) in bounds?.OrderBy(p => p.Key) ?? Enumerable.Empty<KeyValuePair<int, byte[]>>())
        {
            if (wanted(id) && schema.FindField(id)?.Type is PrimitiveType type && Expressions.MetricsEvaluator.Decode(type, bytes) is { } value)
            {
                kept.Add((id, type, value));
            }
        }
        if (kept.Count == 0)
        {
            return;
        }
        writer.WriteStartObject(name);
        writer.WriteStartArray("keys");
        kept.ForEach(b => writer.WriteNumberValue(b.Id));
        writer.WriteEndArray();
        writer.WriteStartArray("values");
        kept.ForEach(b => LiteralJson.WriteTyped(writer, b.Type, b.Value));
        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
