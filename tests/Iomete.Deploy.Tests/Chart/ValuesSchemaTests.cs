using System.Text.Json.Nodes;
using Iomete.Deploy.Tests.Chart.Rendering;
using Json.Schema;

namespace Iomete.Deploy.Tests.Chart;

public sealed class ValuesSchemaTests
{
    private static readonly Lazy<JsonSchema> Schema = new(() =>
    {
        var text = File.ReadAllText(Path.Combine(ChartRenderer.DefaultChartFolder, "values.schema.json"));
        return JsonSchema.FromText(text, new BuildOptions { Dialect = Dialect.Draft07 }, new Uri("https://schemas.iomete.test/chart/values.json"));
    });

    internal static JsonObject DefaultValues() =>
        YamlJson.Parse(File.ReadAllText(Path.Combine(ChartRenderer.DefaultChartFolder, "values.yaml")))!.AsObject();

    internal static IReadOnlyList<string> Errors(JsonObject values) => KubernetesSchemas.Errors(Schema.Value, values);

    [Fact]
    public void DefaultValues_ValidateAgainstTheSchema() =>
        Assert.Empty(Errors(DefaultValues()));

    [Fact]
    public void Schema_IsDraft07_WithEnumsForStorageAndPubSub()
    {
        var schema = JsonNode.Parse(File.ReadAllText(Path.Combine(ChartRenderer.DefaultChartFolder, "values.schema.json")))!;
        Assert.Equal("http://json-schema.org/draft-07/schema#", (string?)schema["$schema"]);
        Assert.Equal(["minio", "s3", "dell-ecs"], schema["properties"]!["storage"]!["properties"]!["type"]!["enum"]!.AsArray().Select(n => (string)n!));
        Assert.Equal(["nats", "kafka"], schema["properties"]!["pubsub"]!["properties"]!["type"]!["enum"]!.AsArray().Select(n => (string)n!));
    }

    [Theory]
    [InlineData("storage", "type", "\"floppy\"", "/storage/type")]
    [InlineData("pubsub", "type", "\"rabbitmq\"", "/pubsub/type")]
    [InlineData("postgresql", "port", "\"5432\"", "/postgresql/port")]
    [InlineData("features", "jupiter", "true", "/features")]
    [InlineData("dataPlane", "namespaces", "[\"Not_A_Namespace\"]", "/dataPlane/namespaces/0")]
    [InlineData("storage", "endpoint", "\"\"", "/storage/endpoint")]
    public void BadValue_IsRefused_AtItsLocation(string section, string key, string json, string location)
    {
        var values = DefaultValues();
        values[section]![key] = JsonNode.Parse(json);

        var errors = Errors(values);

        Assert.Contains(errors, e => e.StartsWith(location, StringComparison.Ordinal));
    }

    [Fact]
    public void AwsS3_WithoutEndpointOrPathStyle_IsAccepted_ButMinioIsNot()
    {
        var values = DefaultValues();
        values["storage"]!["type"] = "s3";
        values["storage"]!["endpoint"] = "";
        values["storage"]!["forcePathStyle"] = false;
        Assert.Empty(Errors(values));

        values["storage"]!["type"] = "minio";
        Assert.NotEmpty(Errors(values));
    }

    [Fact]
    public void Kafka_WithoutBrokers_IsRefused_ButNatsNeedsNone()
    {
        var values = DefaultValues();
        Assert.Equal("", (string?)values["pubsub"]!["kafka"]!["brokers"]);
        Assert.Empty(Errors(values));

        values["pubsub"]!["type"] = "kafka";
        Assert.Contains(Errors(values), e => e.StartsWith("/pubsub/kafka/brokers", StringComparison.Ordinal));
    }
}
