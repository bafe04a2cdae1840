using System.Text.Json.Nodes;
using Iomete.Iceberg.Json;
using Iomete.Iceberg.Partitioning;
using Iomete.Iceberg.Schemas;
using Iomete.Iceberg.Sorting;
using Iomete.Testing;

namespace Iomete.Iceberg.Tests.Json;

/// <summary>The schemas, specs and sort orders of the spec's valid table-metadata fixtures (read from the shared folder).</summary>
public sealed class FixtureTests
{
    public static TheoryData<string> ValidFixtures => new()
    {
        "TableMetadataV1Valid.json",
        "TableMetadataV2Valid.json",
        "TableMetadataV2ValidMinimal.json",
        "TableMetadataV3ValidMinimal.json",
        "TableMetadataStatisticsFiles.json",
        "TableMetadataPartitionStatisticsFiles.json",
    };

    private static JsonObject Load(string name) =>
        (JsonObject)JsonNode.Parse(File.ReadAllText(Path.Combine(Requires.SharedFolder(), "specs", "iceberg", "fixtures", "table", name)))!;

    [Theory]
    [MemberData(nameof(ValidFixtures))]
    public void ValidFixture_SchemasSpecsAndOrders_RoundTrip(string name)
    {
        var metadata = Load(name);
        var schemas = metadata["schemas"] is JsonArray array
            ? array.Select((s, i) => SchemaJson.Read(s, $"$.schemas[{i}]")).ToList()
            : [SchemaJson.Read(metadata["schema"], "$.schema")];
        Assert.NotEmpty(schemas);
        foreach (var schema in schemas)
        {
            Assert.Equal(schema, SchemaJson.Parse(SchemaJson.ToJson(schema)));
        }
        var current = schemas.Single(s => s.SchemaId == ((int?)metadata["current-schema-id"] ?? 0));

        var specs = metadata["partition-specs"] is JsonArray specArray
            ? specArray.Select((s, i) => PartitionSpecJson.Read(s, $"$.partition-specs[{i}]")).ToList()
            : [new PartitionSpec(0, PartitionSpecJson.ReadFields(metadata["partition-spec"], "$.partition-spec"))];
        foreach (var spec in specs)
        {
            spec.Validate(current);
            Assert.Equal(spec, PartitionSpecJson.Parse(PartitionSpecJson.ToJson(spec)));
        }

        var orders = metadata["sort-orders"] is JsonArray orderArray
            ? orderArray.Select((o, i) => SortOrderJson.Read(o, $"$.sort-orders[{i}]")).ToList()
            : [SortOrder.Unsorted];
        foreach (var order in orders)
        {
            order.Validate(current);
            Assert.Equal(order, SortOrderJson.Parse(SortOrderJson.ToJson(order)));
        }
    }

    [Fact]
    public void V2Fixture_IsReadWithItsDetails()
    {
        var metadata = Load("TableMetadataV2Valid.json");
        var schema = SchemaJson.Read(metadata["schemas"]![1], "$.schemas[1]");
        Assert.Equal([1, 2], schema.IdentifierFieldIds);
        Assert.Equal("comment", schema.FindField("y")!.Doc);
        var order = SortOrderJson.Read(metadata["sort-orders"]![0], "$.sort-orders[0]");
        Assert.Equal(Transform.Bucket(4), order.Fields[1].Transform);
        Assert.Equal(SortDirection.Desc, order.Fields[1].Direction);
    }

    [Fact]
    public void V3Fixture_KeepsFieldDefaults()
    {
        var schema = SchemaJson.Read(Load("TableMetadataV3ValidMinimal.json")["schemas"]![0], "$.schemas[0]");
        Assert.Equal("1", schema.FindField(1)!.InitialDefault!.Json);
        Assert.Equal("1", schema.FindField(1)!.WriteDefault!.Json);
        Assert.Contains("\"initial-default\":1", SchemaJson.ToJson(schema), StringComparison.Ordinal);
    }

    [Fact]
    public void V1FixtureMissingSchemaType_IsAFormatError()
    {
        var ex = Assert.Throws<IcebergFormatException>(() => SchemaJson.Read(Load("TableMetadataV1MissingSchemaType.json")["schema"], "$.schema"));
        Assert.Equal("$.schema", ex.Path);
    }
}
