using System.Text.Json.Nodes;

namespace Iomete.Deploy.Tests.Generator;

/// <summary>
/// Values for rendering the generated templates: the keys they use (a subset of the chart's <c>values.yaml</c>,
/// which the chart helper owns), with a matrix of feature flags and switches.
/// </summary>
internal static class DefaultValues
{
    public static readonly string[] Services =
        ["identity", "core", "sql", "catalog", "icebergRest", "eventStreams", "clusters", "orchestrator", "health", "push", "maintenance", "workflowsWorker"];

    public static JsonObject Create(bool features = true, bool keda = true, bool dapr = true, string kafkaBrokers = "")
    {
        var resources = new JsonObject();
        foreach (var service in Services)
            resources[service] = new JsonObject { ["requests"] = new JsonObject { ["cpu"] = "100m", ["memory"] = "256Mi" } };
        return new JsonObject
        {
            ["Release"] = new JsonObject { ["Name"] = "iomete", ["Namespace"] = "iomete-system" },
            ["Values"] = new JsonObject
            {
                ["image"] = new JsonObject { ["registry"] = "registry.example.com/iomete", ["tag"] = "1.0.0", ["pullPolicy"] = "IfNotPresent" },
                ["features"] = new JsonObject
                {
                    ["eventStreams"] = features, ["jobOrchestrator"] = features, ["jupyter"] = features, ["collaboration"] = features,
                },
                ["postgresql"] = new JsonObject
                {
                    ["host"] = "postgres.db.svc", ["port"] = 5432, ["username"] = "iomete", ["existingSecret"] = "iomete-postgresql", ["sslMode"] = "require",
                },
                ["pubsub"] = new JsonObject
                {
                    ["type"] = kafkaBrokers.Length > 0 ? "kafka" : "nats",
                    ["nats"] = new JsonObject { ["url"] = "nats://nats.nats.svc:4222" },
                    ["kafka"] = new JsonObject { ["brokers"] = kafkaBrokers },
                },
                ["keda"] = new JsonObject { ["enabled"] = keda },
                ["dapr"] = new JsonObject { ["enabled"] = dapr },
                ["resources"] = resources,
            },
        };
    }

    /// <summary>Default values, everything off, KEDA and Dapr off, and Kafka instead of NATS.</summary>
    public static TheoryData<string> MatrixNames() => new(Matrix.Keys);

    public static readonly IReadOnlyDictionary<string, JsonObject> Matrix = new Dictionary<string, JsonObject>
    {
        ["defaults"] = Create(),
        ["features-off"] = Create(features: false),
        ["keda-and-dapr-off"] = Create(keda: false, dapr: false),
        ["kafka"] = Create(kafkaBrokers: "kafka-0.kafka:9092,kafka-1.kafka:9092"),
    };
}
