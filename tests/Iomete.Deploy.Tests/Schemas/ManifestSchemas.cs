using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Json.Schema;

namespace Iomete.Deploy.Tests.Schemas;

/// <summary>
/// The official schema of a manifest, chosen by its <c>apiVersion</c> and <c>kind</c>: the strict Kubernetes v1.32.2
/// JSON Schemas for core kinds, and the CRDs' <c>openAPIV3Schema</c> (converted by <see cref="CrdSchemaConverter"/>,
/// with ObjectMeta for <c>metadata</c>) for KEDA, the KEDA HTTP add-on, Dapr and the spark-operator.
/// Kinds with no schema in <c>../shared/specs/k8s</c> (Role, NetworkPolicy, Job, Dapr Resiliency, Gateway API routes)
/// have none here: check those with KubernetesClient's typed models instead.
/// </summary>
internal sealed class ManifestSchemas
{
    private static readonly Dictionary<(string ApiVersion, string Kind), string> CoreFiles = new()
    {
        [("apps/v1", "Deployment")] = "deployment-apps-v1.json",
        [("v1", "Service")] = "service-v1.json",
        [("v1", "ConfigMap")] = "configmap-v1.json",
        [("v1", "Secret")] = "secret-v1.json",
        [("batch/v1", "CronJob")] = "cronjob-batch-v1.json",
        [("networking.k8s.io/v1", "Ingress")] = "ingress-networking-v1.json",
    };

    private static readonly Dictionary<string, string> CrdFiles = new()
    {
        ["keda.sh/ScaledObject"] = "keda.sh_scaledobjects.yaml",
        ["keda.sh/ScaledJob"] = "keda.sh_scaledjobs.yaml",
        ["keda.sh/TriggerAuthentication"] = "keda.sh_triggerauthentications.yaml",
        ["keda.sh/ClusterTriggerAuthentication"] = "keda.sh_clustertriggerauthentications.yaml",
        ["http.keda.sh/HTTPScaledObject"] = "http.keda.sh_httpscaledobjects.yaml",
        ["http.keda.sh/InterceptorRoute"] = "http.keda.sh_interceptorroutes.yaml",
        ["dapr.io/Component"] = "dapr.io_components.yaml",
        ["dapr.io/Subscription"] = "dapr.io_subscriptions.yaml",
        ["sparkoperator.k8s.io/SparkApplication"] = "sparkoperator.k8s.io_sparkapplications.yaml",
        ["sparkoperator.k8s.io/ScheduledSparkApplication"] = "sparkoperator.k8s.io_scheduledsparkapplications.yaml",
    };

    // Lazy: test classes running in parallel must not build (and register) one schema twice at the same time.
    private readonly ConcurrentDictionary<(string ApiVersion, string Kind), Lazy<JsonSchema?>> _schemas = new();

    /// <summary>One instance per test class is enough: schemas are built once per kind on first use.</summary>
    public static ManifestSchemas Shared { get; } = new();

    /// <summary>The schema for this apiVersion and kind, or null when the specs hold none.</summary>
    public JsonSchema? Find(string apiVersion, string kind) =>
        _schemas.GetOrAdd((apiVersion, kind), key => new Lazy<JsonSchema?>(() => Load(key))).Value;

    public static bool HasSchema(string apiVersion, string kind) =>
        CoreFiles.ContainsKey((apiVersion, kind)) || CrdFiles.ContainsKey($"{Group(apiVersion)}/{kind}");

    /// <summary>Schema errors of one manifest; fails when its kind has no schema (use a typed-model check for those).</summary>
    public IReadOnlyList<string> Errors(JsonNode manifest)
    {
        var (apiVersion, kind) = KindOf(manifest);
        var schema = Find(apiVersion, kind) ?? throw new InvalidOperationException($"No schema in the specs for {apiVersion} {kind}.");
        return KubernetesSchemas.Errors(schema, manifest);
    }

    public void AssertValid(JsonNode manifest, string because = "")
    {
        var (apiVersion, kind) = KindOf(manifest);
        KubernetesSchemas.AssertValid(
            Find(apiVersion, kind) ?? throw new InvalidOperationException($"No schema in the specs for {apiVersion} {kind}."),
            manifest,
            $"{because} {kind} {(string?)manifest["metadata"]?["name"]}".Trim());
    }

    public static (string ApiVersion, string Kind) KindOf(JsonNode manifest) =>
        ((string?)manifest["apiVersion"] ?? throw new InvalidDataException("Manifest without apiVersion."),
         (string?)manifest["kind"] ?? throw new InvalidDataException("Manifest without kind."));

    private static JsonSchema? Load((string ApiVersion, string Kind) key)
    {
        if (CoreFiles.TryGetValue(key, out var file))
            return KubernetesSchemas.Build(KubernetesSchemas.LoadJsonSchema(file), Path.GetFileNameWithoutExtension(file));
        if (!CrdFiles.TryGetValue($"{Group(key.ApiVersion)}/{key.Kind}", out var crdFile))
            return null;
        var schema = CrdSchema(crdFile, key.ApiVersion, key.Kind);
        return schema is null ? null : KubernetesSchemas.Build(schema, $"{key.Kind.ToLowerInvariant()}-{key.ApiVersion.Replace('/', '-')}");
    }

    /// <summary>The CRD's schema of one served version, made as strict as the API server (see <see cref="CrdSchemaConverter"/>).</summary>
    public static JsonObject? CrdSchema(string crdFile, string apiVersion, string kind)
    {
        var crd = YamlJson.Parse(File.ReadAllText(Path.Combine(KubernetesSchemas.SpecsFolder, crdFile)))!;
        var versionName = apiVersion[(apiVersion.IndexOf('/', StringComparison.Ordinal) + 1)..];
        var version = crd["spec"]!["versions"]!.AsArray().SingleOrDefault(v => (string?)v!["name"] == versionName);
        if (version is null)
            return null;
        var schema = CrdSchemaConverter.Convert(version["schema"]!["openAPIV3Schema"]!.AsObject());
        schema["properties"] ??= new JsonObject();
        schema["properties"]!["metadata"] = KubernetesSchemas.ObjectMeta();
        schema["properties"]!["apiVersion"] = new JsonObject { ["enum"] = new JsonArray(apiVersion) };
        schema["properties"]!["kind"] = new JsonObject { ["enum"] = new JsonArray(kind) };
        var required = schema["required"]?.AsArray().Select(n => (string)n!).ToHashSet() ?? [];
        required.UnionWith(["apiVersion", "kind", "metadata"]);
        schema["required"] = new JsonArray(required.Order(StringComparer.Ordinal).Select(r => (JsonNode)r).ToArray());
        return schema;
    }

    private static string Group(string apiVersion) =>
        apiVersion.Contains('/', StringComparison.Ordinal) ? apiVersion[..apiVersion.IndexOf('/', StringComparison.Ordinal)] : "";
}
