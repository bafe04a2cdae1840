using System.Text.Json.Nodes;
using Iomete.Iceberg.Types;
using static Iomete.Iceberg.Manifests.AvroSchemaBuilder;

namespace Iomete.Iceberg.Manifests;

/// <summary>The Avro schemas of manifests (v2 <c>manifest_entry</c>) and manifest lists (<c>manifest_file</c>) with the spec's field ids.</summary>
internal static class ManifestSchemas
{
    public static JsonObject ManifestEntry(StructType partitionType) => Record(
        "manifest_entry",
        Required("status", "int", 0),
        Optional("snapshot_id", "long", 1),
        Optional("sequence_number", "long", 3),
        Optional("file_sequence_number", "long", 4),
        Required("data_file", DataFile(partitionType), 2));

    private static JsonObject DataFile(StructType partitionType) => Record(
        "r2",
        Required("content", "int", 134),
        Required("file_path", "string", 100),
        Required("file_format", "string", 101),
        Required("partition", PartitionAvro.Schema(partitionType), 102),
        Required("record_count", "long", 103),
        Required("file_size_in_bytes", "long", 104),
        Optional("column_sizes", IntKeyMap(117, 118, "long"), 108),
        Optional("value_counts", IntKeyMap(119, 120, "long"), 109),
        Optional("null_value_counts", IntKeyMap(121, 122, "long"), 110),
        Optional("nan_value_counts", IntKeyMap(138, 139, "long"), 137),
        Optional("lower_bounds", IntKeyMap(126, 127, "bytes"), 125),
        Optional("upper_bounds", IntKeyMap(129, 130, "bytes"), 128),
        Optional("key_metadata", "bytes", 131),
        Optional("split_offsets", List("long", 133), 132),
        Optional("equality_ids", List("int", 136), 135),
        Optional("sort_order_id", "int", 140));

    public static JsonObject ManifestFile(int formatVersion)
    {
        var fields = new List<JsonObject>
        {
            Required("manifest_path", "string", 500),
            Required("manifest_length", "long", 501),
            Required("partition_spec_id", "int", 502),
            Required("content", "int", 517),
            Required("sequence_number", "long", 515),
            Required("min_sequence_number", "long", 516),
            Required("added_snapshot_id", "long", 503),
            Required("added_files_count", "int", 504),
            Required("existing_files_count", "int", 505),
            Required("deleted_files_count", "int", 506),
            Required("added_rows_count", "long", 512),
            Required("existing_rows_count", "long", 513),
            Required("deleted_rows_count", "long", 514),
            Optional("partitions", List(FieldSummary(), 508), 507),
            Optional("key_metadata", "bytes", 519),
        };
        if (formatVersion >= 3)
        {
            fields.Add(Optional("first_row_id", "long", 520));
        }
        return Record("manifest_file", [.. fields]);
    }

    private static JsonObject FieldSummary() => Record(
        "r508",
        Required("contains_null", "boolean", 509),
        Optional("contains_nan", "boolean", 518),
        Optional("lower_bound", "bytes", 510),
        Optional("upper_bound", "bytes", 511));
}
