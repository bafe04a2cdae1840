using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;

namespace Iomete.Deploy.Tests.Chart.Validation;

/// <summary>
/// The schemas a rendered object is checked against, read from <c>../shared/specs/k8s/</c>: the strict Kubernetes
/// v1.32.2 JSON Schemas (Deployment, Service, ConfigMap, Secret, Ingress, CronJob) by kind, and every CRD's
/// <c>openAPIV3Schema</c> by apiVersion and kind (KEDA, HTTP add-on, Dapr, spark-operator), converted by
/// <see cref="CrdSchemaConverter"/> with ObjectMeta taken from the official schema.
/// </summary>
internal static class ObjectSchemas
{
    private static readonly IReadOnlyDictionary<string, string> CoreFiles = new Dictionary<string, string>
    {
        ["apps/v1/Deployment"] = "deployment-apps-v1.json",
        ["v1/Service"] = "service-v1.json",
        ["v1/ConfigMap"] = "configmap-v1.json",
        ["v1/Secret"] = "secret-v1.json",
        ["networking.k8s.io/v1/Ingress"] = "ingress-networking-v1.json",
        ["batch/v1/CronJob"] = "cronjob-batch-v1.json",
    };

    private static readonly Lazy<IReadOnlyDictionary<string, JsonSchema>> Schemas = new(Load);

    /// <summary>The schema of <c>apiVersion/kind</c>, or null when the specs have none (typed-model kinds).</summary>
    public static JsonSchema? For(string apiVersion, string kind) => Schemas.Value.GetValueOrDefault($"{apiVersion}/{kind}");

    public static bool IsCore(string apiVersion, string kind) => CoreFiles.ContainsKey($"{apiVersion}/{kind}");

    private static Dictionary<string, JsonSchema> Load()
    {
        var folder = KubernetesSchemas.SpecsFolder;
        var result = new Dictionary<string, JsonSchema>(StringComparer.Ordinal);
        JsonNode? objectMeta = null;
        foreach (var (key, file) in CoreFiles)
        {
            var schema = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "json-schema", file)))!.AsObject();
            schema.Remove("$schema");
            objectMeta ??= schema["properties"]!["metadata"]!.DeepClone();
            result[key] = Build(schema, key);
        }
        foreach (var file in Directory.EnumerateFiles(folder, "*.yaml"))
        {
            var crd = YamlJson.Parse(File.ReadAllText(file))!;
            var group = (string)crd["spec"]!["group"]!;
            var kind = (string)crd["spec"]!["names"]!["kind"]!;
            foreach (var version in crd["spec"]!["versions"]!.AsArray())
            {
                var apiVersion = $"{group}/{(string)version!["name"]!}";
                var schema = CrdSchemaConverter.Convert(version["schema"]!["openAPIV3Schema"]!.AsObject());
                // The CRD leaves metadata a bare object; the API server checks ObjectMeta, so do the same here.
                schema["properties"]!["metadata"] = objectMeta!.DeepClone();
                schema["properties"]!["apiVersion"] = new JsonObject { ["enum"] = new JsonArray(apiVersion) };
                schema["properties"]!["kind"] = new JsonObject { ["enum"] = new JsonArray(kind) };
                var required = (schema["required"]?.AsArray().Select(n => (string)n!) ?? []).Union(["apiVersion", "kind", "metadata"]);
                schema["required"] = new JsonArray(required.Select(r => (JsonNode)r).ToArray());
                result[$"{apiVersion}/{kind}"] = Build(schema, $"{apiVersion}/{kind}");
            }
        }
        return result;
    }

    private static JsonSchema Build(JsonObject schema, string name)
    {
        using var document = JsonDocument.Parse(schema.ToJsonString());
        return JsonSchema.Build(document.RootElement.Clone(), new BuildOptions { Dialect = Dialect.Draft07 },
            new Uri($"https://schemas.iomete.test/chart/{name.Replace('/', '-')}.json"));
    }
}
