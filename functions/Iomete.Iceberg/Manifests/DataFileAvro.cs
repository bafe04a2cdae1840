using Iomete.Iceberg.Manifests.Avro;
using Iomete.Iceberg.Types;

namespace Iomete.Iceberg.Manifests;

/// <summary>Converts <see cref="ManifestEntry"/> to and from the generic Avro records of <see cref="ManifestSchemas.ManifestEntry"/>.</summary>
internal static class DataFileAvro
{
    public static Dictionary<string, object?> ToAvro(ManifestEntry entry, StructType partitionType)
    {
        var f = entry.DataFile;
        return new(StringComparer.Ordinal)
        {
            ["status"] = (int)entry.Status,
            ["snapshot_id"] = entry.SnapshotId,
            ["sequence_number"] = entry.SequenceNumber,
            ["file_sequence_number"] = entry.FileSequenceNumber,
            ["data_file"] = new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["content"] = (int)f.Content,
                ["file_path"] = f.FilePath,
                ["file_format"] = f.FileFormat.ToString().ToUpperInvariant(),
                ["partition"] = PartitionAvro.ToAvro(partitionType, f.Partition),
                ["record_count"] = f.RecordCount,
                ["file_size_in_bytes"] = f.FileSizeInBytes,
                ["column_sizes"] = ToEntries(f.ColumnSizes),
                ["value_counts"] = ToEntries(f.ValueCounts),
                ["null_value_counts"] = ToEntries(f.NullValueCounts),
                ["nan_value_counts"] = ToEntries(f.NanValueCounts),
                ["lower_bounds"] = ToEntries(f.LowerBounds),
                ["upper_bounds"] = ToEntries(f.UpperBounds),
                ["key_metadata"] = f.KeyMetadata,
                ["split_offsets"] = f.SplitOffsets?.Select(o => (object?)o).ToList(),
                ["equality_ids"] = f.EqualityIds?.Select(o => (object?)o).ToList(),
                ["sort_order_id"] = f.SortOrderId,
            },
        };
    }

    public static ManifestEntry FromAvro(object? value, StructType partitionType)
    {
        var e = Record(value, "manifest_entry");
        var d = Record(e.GetValueOrDefault("data_file"), "data_file");
        var format = (string)Get(d, "file_format")!;
        var file = new DataFile
        {
            Content = (FileContent)(d.GetValueOrDefault("content") is int c ? c : 0),
            FilePath = (string)Get(d, "file_path")!,
            FileFormat = Enum.TryParse<FileFormat>(format, ignoreCase: true, out var ff) ? ff : throw new AvroFormatException($"Unknown file_format '{format}'"),
            Partition = PartitionAvro.FromAvro(partitionType, Record(d.GetValueOrDefault("partition"), "partition")),
            RecordCount = (long)Get(d, "record_count")!,
            FileSizeInBytes = (long)Get(d, "file_size_in_bytes")!,
            ColumnSizes = FromEntries<long>(d.GetValueOrDefault("column_sizes")),
            ValueCounts = FromEntries<long>(d.GetValueOrDefault("value_counts")),
            NullValueCounts = FromEntries<long>(d.GetValueOrDefault("null_value_counts")),
            NanValueCounts = FromEntries<long>(d.GetValueOrDefault("nan_value_counts")),
            LowerBounds = FromEntries<byte[]>(d.GetValueOrDefault("lower_bounds")),
            UpperBounds = FromEntries<byte[]>(d.GetValueOrDefault("upper_bounds")),
            KeyMetadata = d.GetValueOrDefault("key_metadata") as byte[],
            SplitOffsets = (d.GetValueOrDefault("split_offsets") as List<object?>)?.Select(o => (long)o!).ToList(),
            EqualityIds = (d.GetValueOrDefault("equality_ids") as List<object?>)?.Select(o => (int)o!).ToList(),
            SortOrderId = d.GetValueOrDefault("sort_order_id") as int?,
        };
        return new ManifestEntry(
            (EntryStatus)(int)Get(e, "status")!,
            e.GetValueOrDefault("snapshot_id") as long?,
            e.GetValueOrDefault("sequence_number") as long?,
            e.GetValueOrDefault("file_sequence_number") as long?,
            file);
    }

    internal static Dictionary<string, object?> Record(object? value, string what) =>
        value as Dictionary<string, object?> ?? throw new AvroFormatException($"Expected a {what} record");

    internal static object Get(IReadOnlyDictionary<string, object?> record, string name) =>
        record.GetValueOrDefault(name) ?? throw new AvroFormatException($"Missing required field '{name}'");

    private static List<object?>? ToEntries<T>(IReadOnlyDictionary<int, T>? map) =>
        map?.Select(kv => (object?)new Dictionary<string, object?>(StringComparer.Ordinal) { ["key"] = kv.Key, ["value"] = kv.Value }).ToList();

    private static Dictionary<int, T>? FromEntries<T>(object? value) =>
        (value as List<object?>)?.Select(o => Record(o, "map entry")).ToDictionary(kv => (int)Get(kv, "key"), kv => (T)Get(kv, "value"));
}
