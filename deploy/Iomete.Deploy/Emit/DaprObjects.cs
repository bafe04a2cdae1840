using Iomete.Deploy.Inputs;
using Iomete.Deploy.Planning;

namespace Iomete.Deploy.Emit;

/// <summary>
/// Dapr's components, subscriptions, cron bindings and resiliency. The same objects serve <c>dapr run</c>
/// (<c>components/</c>, local endpoints) and the chart (values and secrets), so each builder takes a <see cref="DaprTarget"/>.
/// </summary>
internal static class DaprObjects
{
    public const string PubSub = "pubsub";
    public const string StateStore = "statestore";

    public static YamlMap NatsPubSub(DaprTarget target) => Component(PubSub, "pubsub.jetstream", new YamlMap
    {
        ["natsURL"] = target.Chart ? "{{ .Values.pubsub.nats.url }}" : "nats://localhost:4222",
        ["name"] = "iomete",
        ["streamName"] = "iomete",
        ["deliverPolicy"] = "all",
        ["ackPolicy"] = "explicit",
    });

    public static YamlMap KafkaPubSub(DaprTarget target) => Component(PubSub, "pubsub.kafka", new YamlMap
    {
        ["brokers"] = target.Chart ? "{{ .Values.pubsub.kafka.brokers }}" : "localhost:9092",
        ["consumerGroup"] = "{appID}",
        ["clientID"] = "{appID}",
        ["authType"] = "none",
    });

    /// <summary>State on PostgreSQL (ETags from the row version). In the chart the connection string is a secret key.</summary>
    public static YamlMap PostgresStateStore(DaprTarget target)
    {
        var component = Component(StateStore, "state.postgresql", new YamlMap
        {
            ["connectionString"] = target.Chart
                ? new YamlMap { ["secretKeyRef"] = new YamlMap { ["name"] = "{{ .Values.postgresql.existingSecret }}", ["key"] = "dapr-state-connection-string" } }
                : "host=localhost port=5432 user=postgres password=postgres database=iomete_dapr_state",
            ["tablePrefix"] = "dapr_",
            ["timeout"] = "20s",
        }, version: "v2");
        if (target.Chart)
        {
            component["auth"] = new YamlMap { ["secretStore"] = "kubernetes" };
        }
        return component;
    }

    /// <summary>A cron input binding named as the function's <c>[CronBinding]</c>, posting to its route, for its service only.</summary>
    public static YamlMap CronBinding(AppFunction function, PlannedService service)
    {
        var cron = function.Cron!;
        var binding = Component(cron.Name, "bindings.cron", new YamlMap
        {
            ["schedule"] = cron.Schedule,
            ["route"] = "/" + function.Route,
            ["direction"] = "input",
        });
        binding["scopes"] = new List<object?> { service.AppId };
        return binding;
    }

    /// <summary>A declarative subscription (v2alpha1) delivering the topic to the function's route, for its service only.</summary>
    public static YamlMap Subscription(AppFunction function, TopicSubscription subscription, PlannedService service) => new()
    {
        ["apiVersion"] = "dapr.io/v2alpha1",
        ["kind"] = "Subscription",
        ["metadata"] = new YamlMap { ["name"] = function.Name },
        ["spec"] = new YamlMap
        {
            ["pubsubname"] = subscription.PubSubName,
            ["topic"] = subscription.Topic,
            ["routes"] = new YamlMap { ["default"] = "/" + function.Route },
            ["deadLetterTopic"] = subscription.Topic + "-dead-letter",
        },
        ["scopes"] = new List<object?> { service.AppId },
    };

    /// <summary>
    /// Retries with backoff for event deliveries (a non-2xx answer redelivers), short retries and a circuit breaker
    /// for service invocation, timeouts everywhere.
    /// </summary>
    public static YamlMap Resiliency(IEnumerable<string> appIds) => new()
    {
        ["apiVersion"] = "dapr.io/v1alpha1",
        ["kind"] = "Resiliency",
        ["metadata"] = new YamlMap { ["name"] = "iomete" },
        ["spec"] = new YamlMap
        {
            ["policies"] = new YamlMap
            {
                ["timeouts"] = new YamlMap { ["invoke"] = "30s", ["pubsub"] = "60s", ["state"] = "10s" },
                ["retries"] = new YamlMap
                {
                    ["invokeRetry"] = new YamlMap { ["policy"] = "exponential", ["maxInterval"] = "5s", ["maxRetries"] = 3 },
                    ["pubsubRetry"] = new YamlMap { ["policy"] = "exponential", ["maxInterval"] = "60s", ["maxRetries"] = 20 },
                    ["stateRetry"] = new YamlMap { ["policy"] = "constant", ["duration"] = "500ms", ["maxRetries"] = 5 },
                },
                ["circuitBreakers"] = new YamlMap
                {
                    ["invokeBreaker"] = new YamlMap
                    {
                        ["maxRequests"] = 1,
                        ["interval"] = "10s",
                        ["timeout"] = "30s",
                        ["trip"] = "consecutiveFailures >= 5",
                    },
                },
            },
            ["targets"] = new YamlMap
            {
                ["apps"] = appIds.Aggregate(new YamlMap(), (apps, id) =>
                {
                    apps[id] = new YamlMap { ["timeout"] = "invoke", ["retry"] = "invokeRetry", ["circuitBreaker"] = "invokeBreaker" };
                    return apps;
                }),
                ["components"] = new YamlMap
                {
                    [PubSub] = new YamlMap
                    {
                        ["inbound"] = new YamlMap { ["timeout"] = "pubsub", ["retry"] = "pubsubRetry" },
                        ["outbound"] = new YamlMap { ["timeout"] = "pubsub", ["retry"] = "pubsubRetry" },
                    },
                    [StateStore] = new YamlMap { ["outbound"] = new YamlMap { ["timeout"] = "state", ["retry"] = "stateRetry" } },
                },
            },
        },
    };

    private static YamlMap Component(string name, string type, YamlMap metadata, string version = "v1") =>
        new()
        {
            ["apiVersion"] = "dapr.io/v1alpha1",
            ["kind"] = "Component",
            ["metadata"] = new YamlMap { ["name"] = name },
            ["spec"] = new YamlMap
            {
                ["type"] = type,
                ["version"] = version,
                ["metadata"] = metadata.Select(p => (object?)MetadataItem(p.Key, p.Value)).ToList(),
            },
        };

    // A value given as { secretKeyRef: ... } is read from the secret store instead of written inline.
    private static YamlMap MetadataItem(string name, object? value) => value is YamlMap { } reference && reference.ContainsKey("secretKeyRef")
        ? new YamlMap { ["name"] = name, ["secretKeyRef"] = reference["secretKeyRef"] }
        : new YamlMap { ["name"] = name, ["value"] = value };
}

/// <summary>Where Dapr objects go: <c>components/</c> for <c>dapr run</c> (local endpoints) or the chart (values, secrets).</summary>
internal sealed record DaprTarget(bool Chart)
{
    public static DaprTarget Local { get; } = new(false);
    public static DaprTarget Helm { get; } = new(true);
}
