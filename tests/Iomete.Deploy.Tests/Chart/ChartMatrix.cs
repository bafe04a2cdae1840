namespace Iomete.Deploy.Tests.Chart;

/// <summary>The value combinations the chart is rendered with: defaults, then feature flags, storage and pub/sub types and namespaces.</summary>
public static class ChartMatrix
{
    public const string Release = "lake";
    public const string Namespace = "iomete";

    private static readonly IReadOnlyDictionary<string, IReadOnlyDictionary<string, object?>> Cases =
        new Dictionary<string, IReadOnlyDictionary<string, object?>>
        {
            ["defaults"] = new Dictionary<string, object?>(),
            ["all features on"] = new Dictionary<string, object?>
            {
                ["features.eventStreams"] = true, ["features.jobOrchestrator"] = true, ["features.jupyter"] = true, ["features.collaboration"] = true,
            },
            ["all features off"] = new Dictionary<string, object?>
            {
                ["features.eventStreams"] = false, ["features.jobOrchestrator"] = false, ["features.jupyter"] = false, ["features.collaboration"] = false,
            },
            ["aws s3 with irsa"] = new Dictionary<string, object?>
            {
                ["storage.type"] = "s3", ["storage.endpoint"] = "", ["storage.forcePathStyle"] = false, ["storage.existingSecret"] = "",
                ["storage.region"] = "eu-west-1",
            },
            ["dell ecs"] = new Dictionary<string, object?>
            {
                ["storage.type"] = "dell-ecs", ["storage.endpoint"] = "https://ecs.example.com:9021", ["storage.bucket"] = "iomete-lake",
            },
            ["kafka"] = new Dictionary<string, object?> { ["pubsub.type"] = "kafka", ["pubsub.kafka.brokers"] = "k1:9092,k2:9092" },
            ["three namespaces with jupyter"] = new Dictionary<string, object?>
            {
                ["dataPlane.namespaces"] = new[] { "spark-a", "spark-b", "iomete-system" }, ["features.jupyter"] = true,
            },
            ["own secrets, keys, tls, oidc, no network policies, no dapr"] = new Dictionary<string, object?>
            {
                ["platformSecrets.create"] = false, ["platformSecrets.keysSecret"] = "iomete-keys", ["gateway.tlsSecret"] = "iomete-tls",
                ["identity.oidc.issuer"] = "https://iomete.example.com", ["identity.oidc.publicUrl"] = "https://iomete.example.com",
                ["networkPolicy.enabled"] = false, ["dapr.enabled"] = false, ["keda.enabled"] = false,
            },
            ["admin password and tokens set"] = new Dictionary<string, object?>
            {
                ["platformSecrets.appApiToken"] = "t0ken", ["platformSecrets.trustedEngineSecret"] = "s3cret", ["platformSecrets.adminPassword"] = "Adm1n!pass",
            },
        };

    public static TheoryData<string> Names() => new(Cases.Keys);

    public static IReadOnlyDictionary<string, object?> Overrides(string name) => Cases[name];
}
