using System.Text.Json.Nodes;
using Iomete.Iceberg.Json;
using Iomete.Iceberg.Manifests;
using Iomete.Iceberg.Manifests.Avro;
using static Iomete.Iceberg.Tests.Manifests.ManifestFixtures;

namespace Iomete.Iceberg.Tests.Manifests;

public sealed class ManifestAvroSchemaTests
{
    private static AvroFile Header()
    {
        var writer = new ManifestWriter(Schema, Spec, 1);
        writer.Add(File("a", Partition(1, "x")));
        return AvroContainer.Read(Write(writer, "m", out _));
    }

    private static JsonObject Field(JsonNode record, string name) =>
        record["fields"]!.AsArray().Single(f => f!["name"]!.GetValue<string>() == name)!.AsObject();

    private static JsonNode NonNull(JsonNode type) =>
        type is JsonArray union ? union.Single(t => !(t is JsonValue v && v.GetValue<string>() == "null"))! : type;

    [Theory]
    [InlineData("status", 0)]
    [InlineData("snapshot_id", 1)]
    [InlineData("data_file", 2)]
    [InlineData("sequence_number", 3)]
    [InlineData("file_sequence_number", 4)]
    public void ManifestEntryFields_CarryTheSpecFieldIds(string name, int id) =>
        Assert.Equal(id, Field(Header().Schema, name)["field-id"]!.GetValue<int>());

    [Theory]
    [InlineData("content", 134)]
    [InlineData("file_path", 100)]
    [InlineData("file_format", 101)]
    [InlineData("partition", 102)]
    [InlineData("record_count", 103)]
    [InlineData("file_size_in_bytes", 104)]
    [InlineData("column_sizes", 108)]
    [InlineData("value_counts", 109)]
    [InlineData("null_value_counts", 110)]
    [InlineData("nan_value_counts", 137)]
    [InlineData("lower_bounds", 125)]
    [InlineData("upper_bounds", 128)]
    [InlineData("key_metadata", 131)]
    [InlineData("split_offsets", 132)]
    [InlineData("equality_ids", 135)]
    [InlineData("sort_order_id", 140)]
    public void DataFileFields_CarryTheSpecFieldIds(string name, int id)
    {
        var dataFile = Field(Header().Schema, "data_file")["type"]!;
        Assert.Equal(id, Field(dataFile, name)["field-id"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("column_sizes", 117, 118)]
    [InlineData("value_counts", 119, 120)]
    [InlineData("null_value_counts", 121, 122)]
    [InlineData("nan_value_counts", 138, 139)]
    [InlineData("lower_bounds", 126, 127)]
    [InlineData("upper_bounds", 129, 130)]
    public void MetricMaps_CarryKeyAndValueIds(string name, int keyId, int valueId)
    {
        var map = NonNull(Field(Field(Header().Schema, "data_file")["type"]!, name)["type"]!);
        Assert.Equal("map", map["logicalType"]!.GetValue<string>());
        Assert.Equal(keyId, Field(map["items"]!, "key")["field-id"]!.GetValue<int>());
        Assert.Equal(valueId, Field(map["items"]!, "value")["field-id"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("split_offsets", 133)]
    [InlineData("equality_ids", 136)]
    public void Lists_CarryElementIds(string name, int elementId)
    {
        var list = NonNull(Field(Field(Header().Schema, "data_file")["type"]!, name)["type"]!);
        Assert.Equal(elementId, list["element-id"]!.GetValue<int>());
    }

    [Fact]
    public void PartitionStruct_UsesPartitionFieldIdsAndLogicalTypes()
    {
        var partition = Field(Field(Header().Schema, "data_file")["type"]!, "partition")["type"]!;
        var ids = partition["fields"]!.AsArray().Select(f => f!["field-id"]!.GetValue<int>());
        Assert.Equal(Enumerable.Range(1000, 11), ids);
        var price = NonNull(Field(partition, "price")["type"]!);
        Assert.Equal("decimal", price["logicalType"]!.GetValue<string>());
        Assert.Equal(5, price["size"]!.GetValue<int>());
        Assert.Equal("uuid", NonNull(Field(partition, "key")["type"]!)["logicalType"]!.GetValue<string>());
    }

    [Fact]
    public void KeyValueMetadata_DescribesSchemaSpecVersionAndContent()
    {
        var header = Header();
        Assert.Equal(Schema, SchemaJson.Parse(header.Meta("schema")!));
        Assert.Equal("3", header.Meta("schema-id"));
        Assert.StartsWith("[{\"name\":\"id_bucket\"", header.Meta("partition-spec"), StringComparison.Ordinal);
        Assert.Equal("4", header.Meta("partition-spec-id"));
        Assert.Equal("2", header.Meta("format-version"));
        Assert.Equal("data", header.Meta("content"));
        Assert.Equal("deflate", header.Meta("avro.codec"));
    }

    [Theory]
    [InlineData("manifest_path", 500)]
    [InlineData("manifest_length", 501)]
    [InlineData("partition_spec_id", 502)]
    [InlineData("added_snapshot_id", 503)]
    [InlineData("added_files_count", 504)]
    [InlineData("existing_files_count", 505)]
    [InlineData("deleted_files_count", 506)]
    [InlineData("partitions", 507)]
    [InlineData("added_rows_count", 512)]
    [InlineData("existing_rows_count", 513)]
    [InlineData("deleted_rows_count", 514)]
    [InlineData("sequence_number", 515)]
    [InlineData("min_sequence_number", 516)]
    [InlineData("content", 517)]
    [InlineData("key_metadata", 519)]
    public void ManifestListFields_CarryTheSpecFieldIds(string name, int id)
    {
        using var stream = new MemoryStream();
        ManifestListWriter.Write(stream, 1, null, 1, []);
        Assert.Equal(id, Field(AvroContainer.Read(stream.ToArray()).Schema, name)["field-id"]!.GetValue<int>());
    }

    [Fact]
    public void FieldSummary_CarriesItsIdsAndV3AddsFirstRowId()
    {
        using var stream = new MemoryStream();
        ManifestListWriter.Write(stream, 1, null, 1, [], formatVersion: 3);
        var schema = AvroContainer.Read(stream.ToArray()).Schema;
        var partitions = NonNull(Field(schema, "partitions")["type"]!);
        Assert.Equal(508, partitions["element-id"]!.GetValue<int>());
        var summary = partitions["items"]!;
        Assert.Equal(509, Field(summary, "contains_null")["field-id"]!.GetValue<int>());
        Assert.Equal(518, Field(summary, "contains_nan")["field-id"]!.GetValue<int>());
        Assert.Equal(510, Field(summary, "lower_bound")["field-id"]!.GetValue<int>());
        Assert.Equal(511, Field(summary, "upper_bound")["field-id"]!.GetValue<int>());
        Assert.Equal(520, Field(schema, "first_row_id")["field-id"]!.GetValue<int>());
    }
}
