using static Iomete.Iceberg.Manifests.DataFileAvro;

namespace Iomete.Iceberg.Manifests;

/// <summary>Converts <see cref="ManifestFile"/> to and from the generic Avro records of <see cref="ManifestSchemas.ManifestFile"/>.</summary>
internal static class ManifestFileAvro
{
    public static Dictionary<string, object?> ToAvro(ManifestFile m) => new(StringComparer.Ordinal)
    {
        ["manifest_path"] = m.ManifestPath,
        ["manifest_length"] = m.ManifestLength,
        ["partition_spec_id"] = m.PartitionSpecId,
        ["content"] = (int)m.Content,
        ["sequence_number"] = m.SequenceNumber,
        ["min_sequence_number"] = m.MinSequenceNumber,
        ["added_snapshot_id"] = m.AddedSnapshotId,
        ["added_files_count"] = m.AddedFilesCount,
        ["existing_files_count"] = m.ExistingFilesCount,
        ["deleted_files_count"] = m.DeletedFilesCount,
        ["added_rows_count"] = m.AddedRowsCount,
        ["existing_rows_count"] = m.ExistingRowsCount,
        ["deleted_rows_count"] = m.DeletedRowsCount,
        ["partitions"] = m.Partitions?.Select(p => (object?)new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["contains_null"] = p.ContainsNull,
            ["contains_nan"] = p.ContainsNan,
            ["lower_bound"] = p.LowerBound,
            ["upper_bound"] = p.UpperBound,
        }).ToList(),
        ["key_metadata"] = m.KeyMetadata,
        ["first_row_id"] = m.FirstRowId,
    };

    public static ManifestFile FromAvro(object? value)
    {
        var r = Record(value, "manifest_file");
        return new ManifestFile
        {
            ManifestPath = (string)Get(r, "manifest_path"),
            ManifestLength = (long)Get(r, "manifest_length"),
            PartitionSpecId = (int)Get(r, "partition_spec_id"),
            Content = (ManifestContent)(r.GetValueOrDefault("content") as int? ?? 0),
            SequenceNumber = r.GetValueOrDefault("sequence_number") as long? ?? 0,
            MinSequenceNumber = r.GetValueOrDefault("min_sequence_number") as long? ?? 0,
            AddedSnapshotId = (long)Get(r, "added_snapshot_id"),
            AddedFilesCount = r.GetValueOrDefault("added_files_count") as int? ?? 0,
            ExistingFilesCount = r.GetValueOrDefault("existing_files_count") as int? ?? 0,
            DeletedFilesCount = r.GetValueOrDefault("deleted_files_count") as int? ?? 0,
            AddedRowsCount = r.GetValueOrDefault("added_rows_count") as long? ?? 0,
            ExistingRowsCount = r.GetValueOrDefault("existing_rows_count") as long? ?? 0,
            DeletedRowsCount = r.GetValueOrDefault("deleted_rows_count") as long? ?? 0,
            Partitions = (r.GetValueOrDefault("partitions") as List<object?>)?.Select(o =>
            {
                var p = Record(o, "field_summary");
                return new PartitionFieldSummary(
                    (bool)Get(p, "contains_null"), p.GetValueOrDefault("contains_nan") as bool?,
                    p.GetValueOrDefault("lower_bound") as byte[], p.GetValueOrDefault("upper_bound") as byte[]);
            }).ToList(),
            KeyMetadata = r.GetValueOrDefault("key_metadata") as byte[],
            FirstRowId = r.GetValueOrDefault("first_row_id") as long?,
        };
    }
}
