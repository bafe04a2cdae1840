using System.Text.Json.Nodes;
using Iomete.Iceberg.Expressions;
using Iomete.Iceberg.Json;
using Iomete.Iceberg.Partitioning;

namespace Iomete.Iceberg.Tests.Expressions;

public sealed class ExpressionJsonTests
{
    [Theory]
    [InlineData("""{"type":"true"}""")]
    [InlineData("""{"type":"false"}""")]
    [InlineData("""{"type":"and","left":{"type":"eq","term":"id","value":5},"right":{"type":"not","child":{"type":"is-null","term":"name"}}}""")]
    [InlineData("""{"type":"or","left":{"type":"lt","term":"price","value":1.5},"right":{"type":"gt-eq","term":"ts","value":"2024-01-02T03:04:05.123456+00:00"}}""")]
    [InlineData("""{"type":"in","term":"category","values":["a","b","c"]}""")]
    [InlineData("""{"type":"not-in","term":"id","values":[1,2,3]}""")]
    [InlineData("""{"type":"starts-with","term":"name","value":"abc"}""")]
    [InlineData("""{"type":"not-starts-with","term":"name","value":"abc"}""")]
    [InlineData("""{"type":"is-nan","term":"price"}""")]
    [InlineData("""{"type":"not-nan","term":"price"}""")]
    [InlineData("""{"type":"not-null","term":"name"}""")]
    [InlineData("""{"type":"lt-eq","term":"flag","value":true}""")]
    [InlineData("""{"type":"not-eq","term":"amount","value":"12.30"}""")]
    [InlineData("""{"type":"gt","term":"big","value":2.5}""")]
    [InlineData("""{"type":"eq","term":{"type":"transform","transform":"bucket[16]","term":"id"},"value":3}""")]
    public void Parse_ThenWrite_GivesTheSameJson(string json)
    {
        var expression = ExpressionJson.Parse(json);

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(json), JsonNode.Parse(ExpressionJson.ToJson(expression))), ExpressionJson.ToJson(expression));
        Assert.Equal(expression, ExpressionJson.Parse(ExpressionJson.ToJson(expression)));
    }

    [Fact]
    public void Parse_ReadsBareBooleansAndReferenceObjects()
    {
        Assert.Equal(Expression.True, ExpressionJson.Parse("true"));
        Assert.Equal(Expression.False, ExpressionJson.Parse("false"));
        var p = Assert.IsType<UnboundPredicate>(ExpressionJson.Parse("""{"type":"eq","term":{"type":"reference","term":"id"},"value":1}"""));
        Assert.Equal(new Reference("id"), p.Term);
        Assert.Equal(1L, p.Literal);
    }

    [Fact]
    public void Parse_KeepsNumbersUnbound_IntegersAsLongOthersAsDecimal()
    {
        var p = (UnboundPredicate)ExpressionJson.Parse("""{"type":"in","term":"x","values":[1,-2.50,1e400]}""");

        Assert.Equal(1L, p.Literals[0]);
        Assert.Equal(-2.50m, p.Literals[1]);
        Assert.IsType<double>(p.Literals[2]);
    }

    [Fact]
    public void Parse_TransformTerm_ParsesTheTransform()
    {
        var p = (UnboundPredicate)ExpressionJson.Parse("""{"type":"eq","term":{"type":"transform","transform":"day","term":"ts"},"value":"2024-01-01"}""");

        Assert.Equal(new TransformTerm(Transform.Day, new Reference("ts")), p.Term);
    }

    [Theory]
    [InlineData("""{"type":"maybe"}""", "$.type")]
    [InlineData("""{"left":{"type":"true"}}""", "$")]
    [InlineData("""{"type":"and","left":{"type":"true"}}""", "$")]
    [InlineData("""{"type":"not"}""", "$")]
    [InlineData("""{"type":"eq","term":"id"}""", "$")]
    [InlineData("""{"type":"eq","value":1}""", "$")]
    [InlineData("""{"type":"eq","term":"id","values":[1]}""", "$")]
    [InlineData("""{"type":"in","term":"id","value":1}""", "$")]
    [InlineData("""{"type":"in","term":"id","values":1}""", "$.values")]
    [InlineData("""{"type":"is-null","term":"id","value":1}""", "$")]
    [InlineData("""{"type":"eq","term":"id","value":null}""", "$")]
    [InlineData("""{"type":"eq","term":"id","value":{"a":1}}""", "$.value")]
    [InlineData("""{"type":"in","term":"id","values":[1,[2]]}""", "$.values[1]")]
    [InlineData("""{"type":"eq","term":"","value":1}""", "$.term")]
    [InlineData("""{"type":"eq","term":5,"value":1}""", "$.term")]
    [InlineData("""{"type":"eq","term":{"type":"transform","transform":"frobnicate","term":"id"},"value":1}""", "$.term.transform")]
    [InlineData("""{"type":"eq","term":{"type":"column","term":"id"},"value":1}""", "$.term.type")]
    [InlineData("""{"type":"true","extra":1}""", "$")]
    [InlineData("""{"type":"and","left":{"type":"true"},"right":{"type":"eq"}}""", "$.right")]
    [InlineData("""[1]""", "$")]
    [InlineData("""{"type":"true","type":"false"}""", "$")]
    [InlineData("""{"type":""", "$")]
    public void Parse_MalformedExpression_ThrowsWithPath(string json, string path)
    {
        var ex = Assert.Throws<IcebergFormatException>(() => ExpressionJson.Parse(json));

        Assert.StartsWith(path, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_BoundPredicates_UsesTheSpecValueForms()
    {
        var schema = Scan.TestTable.Schema;
        var bound = Binder.Bind(schema, Filter.And(
            Filter.Eq("ts", "2024-01-02T03:04:05.000001+00:00"),
            Filter.In("amount", "1.5", "2")));

        AssertJson(
            """{"type":"and","left":{"type":"eq","term":"ts","value":"2024-01-02T03:04:05.000001+00:00"},"right":{"type":"in","term":"amount","values":["1.50","2.00"]}}""",
            ExpressionJson.ToJson(bound));
    }

    private static void AssertJson(string expected, string actual) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), JsonNode.Parse(actual)), actual);
}
