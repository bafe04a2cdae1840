using Iomete.Iceberg.Json;
using Iomete.Iceberg.Schemas;
using Iomete.Iceberg.Types;

namespace Iomete.Iceberg.Tests.Json;

public sealed class SchemaJsonTests
{
    [Fact]
    public void Schema_RoundTripsWithIdAndIdentifierFields()
    {
        const string json = """
            {"type":"struct","schema-id":4,"identifier-field-ids":[1,2],"fields":[
              {"id":1,"name":"x","required":true,"type":"long"},
              {"id":2,"name":"y","required":true,"type":"long","doc":"comment"},
              {"id":3,"name":"z","required":false,"type":{"type":"list","element-id":4,"element":"uuid","element-required":false}}]}
            """;
        var schema = SchemaJson.Parse(json);
        Assert.Equal(4, schema.SchemaId);
        Assert.Equal([1, 2], schema.IdentifierFieldIds);
        var written = SchemaJson.ToJson(schema);
        Assert.Contains("\"schema-id\":4", written, StringComparison.Ordinal);
        Assert.Contains("\"identifier-field-ids\":[1,2]", written, StringComparison.Ordinal);
        Assert.Equal(schema, SchemaJson.Parse(written));
    }

    [Fact]
    public void Schema_WithoutIdentifierFields_OmitsTheMember()
    {
        var schema = new Schema(0, [IcebergTypes.Optional(1, "a", IcebergTypes.Int)]);
        Assert.DoesNotContain("identifier-field-ids", SchemaJson.ToJson(schema), StringComparison.Ordinal);
    }

    [Fact]
    public void Schema_WithDuplicateMember_IsAFormatError() =>
        Assert.Throws<IcebergFormatException>(() => SchemaJson.Parse("""{"type":"struct","schema-id":1,"schema-id":2,"fields":[]}"""));

    [Fact]
    public void NodeWithDuplicateMember_FromAnotherParser_IsAFormatErrorNamingThePath()
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse("""{"type":"struct","fields":[{"id":1,"id":2,"name":"a","required":true,"type":"int"}]}""");
        Assert.Equal("$.fields[0]", Assert.Throws<IcebergFormatException>(() => SchemaJson.Read(node, "$")).Path);
    }

    [Fact]
    public void Schema_WithoutTypeStruct_IsAFormatError() =>
        Assert.Contains("missing required member 'type'", Assert.Throws<IcebergFormatException>(
            () => SchemaJson.Parse("""{"schema-id":0,"fields":[]}""")).Message, StringComparison.Ordinal);

    [Fact]
    public void Schema_OfListType_IsAFormatError() =>
        Assert.Throws<IcebergFormatException>(() => SchemaJson.Parse("""{"type":"list","element-id":1,"element":"int","element-required":true}"""));

    [Fact]
    public void Schema_WithDuplicateFieldIds_IsAFormatError() =>
        Assert.Contains("Duplicate field id 1", Assert.Throws<IcebergFormatException>(() => SchemaJson.Parse("""
            {"type":"struct","fields":[{"id":1,"name":"a","required":true,"type":"int"},{"id":1,"name":"b","required":true,"type":"int"}]}
            """)).Message, StringComparison.Ordinal);

    [Fact]
    public void Schema_WithOptionalIdentifierField_IsAFormatError() =>
        Assert.Contains("must be required", Assert.Throws<IcebergFormatException>(() => SchemaJson.Parse("""
            {"type":"struct","identifier-field-ids":[1],"fields":[{"id":1,"name":"a","required":false,"type":"int"}]}
            """)).Message, StringComparison.Ordinal);

    [Fact]
    public void Schema_WithIdentifierFieldIdsOfWrongKind_NamesThePath() =>
        Assert.Equal("$.identifier-field-ids", Assert.Throws<IcebergFormatException>(() => SchemaJson.Parse("""
            {"type":"struct","identifier-field-ids":"1","fields":[]}
            """)).Path);
}
