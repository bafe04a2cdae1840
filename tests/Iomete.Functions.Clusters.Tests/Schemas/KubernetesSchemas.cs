using System.Text.Json;
using System.Text.Json.Nodes;
using Iomete.Testing;
using Json.Schema;

namespace Iomete.Functions.Clusters.Tests.Schemas;

/// <summary>
/// The official schemas in <c>../shared/specs/k8s/</c>, read where they are (never copied): the spark-operator v2.5.2
/// SparkApplication CRD (v1beta2) converted by <see cref="CrdSchemaConverter"/>, and the strict standalone JSON Schemas
/// of Kubernetes v1.32.2 for Deployment and Service.
/// </summary>
internal static class KubernetesSchemas
{
    private static readonly Lazy<JsonObject> DeploymentJson = new(() => LoadJsonSchema("deployment-apps-v1.json"));
    private static readonly Lazy<JsonSchema> SparkApplicationSchema = new(() => Build(SparkApplicationJson(), "sparkapplication-v1beta2"));
    private static readonly Lazy<JsonSchema> DeploymentSchema = new(() => Build(DeploymentJson.Value, "deployment-apps-v1"));
    private static readonly Lazy<JsonSchema> ServiceSchema = new(() => Build(LoadJsonSchema("service-v1.json"), "service-v1"));
    private static readonly Lazy<JsonSchema> SecretSchema = new(() => Build(LoadJsonSchema("secret-v1.json"), "secret-v1"));

    public static JsonSchema SparkApplication => SparkApplicationSchema.Value;
    public static JsonSchema Deployment => DeploymentSchema.Value;
    public static JsonSchema Service => ServiceSchema.Value;
    public static JsonSchema Secret => SecretSchema.Value;

    /// <summary>The official ObjectMeta schema, for CRDs that leave <c>metadata</c> a bare object.</summary>
    public static JsonNode ObjectMeta() => DeploymentJson.Value["properties"]!["metadata"]!.DeepClone();

    public static string SpecsFolder => Path.Combine(Requires.SharedFolder(), "specs", "k8s");

    /// <summary>Every error the schema reports, as <c>instance-location: message</c>; empty when valid.</summary>
    public static IReadOnlyList<string> Errors(JsonSchema schema, JsonNode manifest)
    {
        using var document = JsonDocument.Parse(manifest.ToJsonString());
        var results = schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.Hierarchical });
        if (results.IsValid)
            return [];
        var errors = new List<string>();
        Collect(results, errors);
        return errors.Count > 0 ? errors : ["invalid (no details)"];
    }

    // Only failing nodes under failing parents: a failed anyOf branch beside a passing one is no error.
    private static void Collect(EvaluationResults node, List<string> errors)
    {
        foreach (var (keyword, message) in node.Errors ?? new Dictionary<string, string>())
            errors.Add($"{node.InstanceLocation}: {keyword}: {message}");
        foreach (var child in node.Details ?? [])
            if (!child.IsValid)
                Collect(child, errors);
    }

    public static void AssertValid(JsonSchema schema, JsonNode manifest, string because = "")
    {
        var errors = Errors(schema, manifest);
        Assert.True(errors.Count == 0,
            $"{because}\n{string.Join("\n", errors.Take(20))}\n{manifest.ToJsonString(new JsonSerializerOptions { WriteIndented = true })}");
    }

    private static JsonObject SparkApplicationJson()
    {
        var crd = YamlJson.Parse(File.ReadAllText(Path.Combine(SpecsFolder, "sparkoperator.k8s.io_sparkapplications.yaml")))!;
        var version = crd["spec"]!["versions"]!.AsArray().Single(v => (string?)v!["name"] == "v1beta2")!;
        var schema = CrdSchemaConverter.Convert(version["schema"]!["openAPIV3Schema"]!.AsObject());
        // The CRD leaves metadata as a bare object (the API server checks ObjectMeta itself); check it like the
        // server does, with the ObjectMeta of the official Kubernetes schema.
        schema["properties"]!["metadata"] = ObjectMeta();
        schema["properties"]!["apiVersion"] = new JsonObject { ["enum"] = new JsonArray("sparkoperator.k8s.io/v1beta2") };
        schema["properties"]!["kind"] = new JsonObject { ["enum"] = new JsonArray("SparkApplication") };
        schema["required"] = new JsonArray("apiVersion", "kind", "metadata", "spec");
        return schema;
    }

    /// <summary>One strict standalone schema of <c>json-schema/</c>, e.g. <c>configmap-v1.json</c>.</summary>
    public static JsonObject LoadJsonSchema(string file)
    {
        var schema = JsonNode.Parse(File.ReadAllText(Path.Combine(SpecsFolder, "json-schema", file)))!.AsObject();
        // "http://json-schema.org/schema#" names no draft; the keywords used are draft-7 ones.
        schema.Remove("$schema");
        return schema;
    }

    public static JsonSchema Build(JsonObject schema, string name)
    {
        using var document = JsonDocument.Parse(schema.ToJsonString());
        return JsonSchema.Build(document.RootElement.Clone(), new BuildOptions { Dialect = Dialect.Draft07 },
            new Uri($"https://schemas.iomete.test/{name}.json"));
    }
}
