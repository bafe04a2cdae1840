using Iomete.Iceberg.Json;
using Iomete.Iceberg.Types;

namespace Iomete.Iceberg.Tests.Json;

public sealed class TypeJsonTests
{
    [Theory]
    [InlineData("boolean")]
    [InlineData("int")]
    [InlineData("long")]
    [InlineData("float")]
    [InlineData("double")]
    [InlineData("decimal(9,2)")]
    [InlineData("decimal(38,0)")]
    [InlineData("date")]
    [InlineData("time")]
    [InlineData("timestamp")]
    [InlineData("timestamptz")]
    [InlineData("timestamp_ns")]
    [InlineData("timestamptz_ns")]
    [InlineData("string")]
    [InlineData("uuid")]
    [InlineData("fixed[16]")]
    [InlineData("binary")]
    [InlineData("unknown")]
    [InlineData("variant")]
    public void Primitive_RoundTripsAsItsString(string name)
    {
        var type = TypeJson.Parse($"\"{name}\"");
        Assert.Equal(name, type.ToString());
        Assert.Equal($"\"{name}\"", TypeJson.ToJson(type));
    }

    [Fact]
    public void Decimal_WithSpaceAfterComma_IsAccepted() =>
        Assert.Equal(IcebergTypes.Decimal(9, 2), TypeJson.Parse("\"decimal(9, 2)\""));

    [Theory]
    [InlineData("LONG", "long")]
    [InlineData("Decimal(10,3)", "decimal(10,3)")]
    [InlineData("FIXED[2]", "fixed[2]")]
    public void PrimitiveNames_AreMatchedIgnoringCaseAndWrittenLowercase(string text, string written) =>
        Assert.Equal($"\"{written}\"", TypeJson.ToJson(TypeJson.ParsePrimitive(text)));

    [Fact]
    public void NestedTypes_RoundTripWithIdsAndDefaults()
    {
        const string json = """
            {"type":"struct","fields":[
              {"id":1,"name":"id","required":true,"type":"long","doc":"key"},
              {"id":2,"name":"tags","required":false,"type":{"type":"list","element-id":5,"element":"string","element-required":true}},
              {"id":3,"name":"props","required":false,"type":{"type":"map","key-id":6,"key":"string","value-id":7,
                 "value":{"type":"struct","fields":[{"id":8,"name":"v","required":false,"type":"decimal(10,3)"}]},"value-required":false}},
              {"id":4,"name":"n","required":true,"type":"int","initial-default":7,"write-default":8}
            ]}
            """;
        var type = TypeJson.Parse(json);
        var again = TypeJson.Parse(TypeJson.ToJson(type));
        Assert.Equal(type, again);
        var s = Assert.IsType<StructType>(again);
        Assert.Equal(new ListType(5, IcebergTypes.String, true), s.Field("tags")!.Type);
        Assert.Equal("7", s.Field(4)!.InitialDefault!.Json);
        Assert.Equal("8", s.Field(4)!.WriteDefault!.Json);
        Assert.Equal("key", s.Field(1)!.Doc);
    }

    [Fact]
    public void StructEquality_ComparesFieldsInOrder()
    {
        var a = IcebergTypes.Struct(IcebergTypes.Required(1, "a", IcebergTypes.Int), IcebergTypes.Optional(2, "b", IcebergTypes.String));
        var b = IcebergTypes.Struct(IcebergTypes.Required(1, "a", IcebergTypes.Int), IcebergTypes.Optional(2, "b", IcebergTypes.String));
        var c = IcebergTypes.Struct(IcebergTypes.Optional(2, "b", IcebergTypes.String), IcebergTypes.Required(1, "a", IcebergTypes.Int));
        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, c);
    }

    [Theory]
    [InlineData("\"integer\"", "$", "unknown type 'integer'")]
    [InlineData("\"decimal(39,2)\"", "$", "unknown type")]
    [InlineData("\"fixed[0]\"", "$", "unknown type")]
    [InlineData("42", "$", "expected a type string or object")]
    [InlineData("{\"fields\":[]}", "$", "missing required member 'type'")]
    [InlineData("{\"type\":\"set\"}", "$.type", "unknown nested type 'set'")]
    [InlineData("{\"type\":\"struct\"}", "$", "missing required member 'fields'")]
    [InlineData("{\"type\":\"struct\",\"fields\":{}}", "$.fields", "expected an array")]
    [InlineData("{\"type\":\"struct\",\"fields\":[{\"id\":\"1\",\"name\":\"a\",\"required\":true,\"type\":\"int\"}]}", "$.fields[0].id", "expected a 32-bit integer")]
    [InlineData("{\"type\":\"struct\",\"fields\":[{\"id\":1,\"name\":\"a\",\"required\":\"yes\",\"type\":\"int\"}]}", "$.fields[0].required", "expected a boolean")]
    [InlineData("{\"type\":\"struct\",\"fields\":[{\"id\":1,\"name\":\"a\",\"required\":true}]}", "$.fields[0]", "missing required member 'type'")]
    [InlineData("{\"type\":\"struct\",\"fields\":[{\"id\":1,\"name\":\"a\",\"required\":true,\"type\":\"int8\"}]}", "$.fields[0].type", "unknown type 'int8'")]
    [InlineData("{\"type\":\"list\",\"element-id\":1,\"element\":\"int\"}", "$", "missing required member 'element-required'")]
    [InlineData("{\"type\":\"map\",\"key-id\":1,\"key\":\"int\",\"value-id\":2.5,\"value\":\"int\",\"value-required\":true}", "$.value-id", "expected a 32-bit integer")]
    [InlineData("{\"type\":\"list\",\"element-id\":1,\"element\":{\"type\":\"bogus\"},\"element-required\":true}", "$.element.type", "unknown nested type")]
    public void MalformedType_IsAFormatErrorNamingThePath(string json, string path, string problem)
    {
        var ex = Assert.Throws<IcebergFormatException>(() => TypeJson.Parse(json));
        Assert.Equal(path, ex.Path);
        Assert.Contains(problem, ex.Message, StringComparison.Ordinal);
        Assert.StartsWith(path + ":", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("long", "\"1\"")]
    [InlineData("int", "3000000000")]
    [InlineData("boolean", "1")]
    [InlineData("string", "5")]
    [InlineData("date", "17486")]
    [InlineData("decimal(9,2)", "14.20")]
    [InlineData("unknown", "1")]
    public void DefaultOfTheWrongJsonKind_IsAFormatError(string type, string value)
    {
        var json = $$"""{"type":"struct","fields":[{"id":1,"name":"a","required":false,"type":"{{type}}","write-default":{{value}}}]}""";
        Assert.Equal("$.fields[0].write-default", Assert.Throws<IcebergFormatException>(() => TypeJson.Parse(json)).Path);
    }

    [Theory]
    [InlineData("long", "1")]
    [InlineData("decimal(9,2)", "\"14.20\"")]
    [InlineData("date", "\"2017-11-16\"")]
    [InlineData("boolean", "false")]
    [InlineData("binary", "\"0001\"")]
    [InlineData("string", "null")]
    public void DefaultOfTheSpecsJsonKind_IsKept(string type, string value)
    {
        var json = $$"""{"type":"struct","fields":[{"id":1,"name":"a","required":false,"type":"{{type}}","initial-default":{{value}}}]}""";
        Assert.Equal(value, ((StructType)TypeJson.Parse(json)).Fields[0].InitialDefault!.Json);
    }

    [Fact]
    public void MalformedJsonText_IsAFormatError() =>
        Assert.Throws<IcebergFormatException>(() => TypeJson.Parse("{\"type\":"));
}
