using Iomete.Deploy.Description;
using Iomete.Deploy.Emit;
using Iomete.Deploy.Inputs;
using Iomete.Deploy.Planning;

namespace Iomete.Deploy;

/// <summary>
/// From functions.metadata (and the app's attributes) and deploy/services.yaml, the chart's generated templates and
/// the Dapr YAML of <c>components/</c>, as file contents by path relative to the repository root.
/// </summary>
internal static class ManifestGenerator
{
    public const string GeneratedFolder = "charts/iomete/templates/generated";
    public const string ComponentsFolder = "components";

    public static IReadOnlyDictionary<string, string> Generate(DeploymentPlan plan)
    {
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var description = plan.Description;
        var routes = GatewayRouteTable.Create(plan);
        var workers = description.Workers;

        files[$"{GeneratedFolder}/deployments.yaml"] = YamlText.File(
            YamlText.Header("One Deployment per service of deploy/services.yaml, each enabling its functions only."),
            plan.Services.Select(s => ((object)WorkloadObjects.Deployment(s.Name, description.Image, description.Port, s.Functions.Select(f => f.Name).ToList(), s.Description.Env), Condition(s.Description.Feature)))
                .Concat(workers.Select(w => ((object)WorkloadObjects.Deployment(w.Name, w.Image, description.Port, [], new Dictionary<string, string>()), Condition(w.Feature)))));
        files[$"{GeneratedFolder}/services.yaml"] = YamlText.File(
            YamlText.Header("One Service per service of functions (workers take no traffic)."),
            plan.Services.Select(s => ((object)WorkloadObjects.Service(s.Name), Condition(s.Description.Feature))));

        var httpScaled = plan.Services.Where(s => s.Description.Scaling.Http is not null).ToList();
        files[$"{GeneratedFolder}/httpscaledobjects.yaml"] = Keda(YamlText.File(
            YamlText.Header("KEDA HTTP add-on scaling for HTTP services (minReplicas 0 where they scale to zero)."),
            httpScaled.Select(s => ((object)KedaObjects.HttpScaledObject(s.Name, s.Description.Scaling.Http!), Condition(s.Description.Feature)))));
        var triggerScaled = plan.Services.Where(s => s.Description.Scaling.Http is null).Select(s => (s.Name, s.Description.Scaling, s.Description.Feature))
            .Concat(workers.Select(w => (w.Name, w.Scaling, w.Feature)))
            .ToList();
        var scaledObjects = new List<(object, string?)> { (KedaObjects.PostgresTriggerAuthentication(), null) };
        scaledObjects.AddRange(triggerScaled.Select(t => ((object)KedaObjects.ScaledObject(t.Name, t.Scaling), Condition(t.Feature))));
        files[$"{GeneratedFolder}/scaledobjects.yaml"] = Keda(YamlText.File(
            YamlText.Header("KEDA ScaledObjects: postgresql (workflow backlog), cron and prometheus triggers; the scaler's PostgreSQL login."),
            scaledObjects));
        files[$"{GeneratedFolder}/gateway-routes.yaml"] = YamlText.File(
            YamlText.Header("The gateway's route table: path prefixes to services, streams, gRPC to compute clusters."),
            [(GatewayRoutesConfig.ConfigMap(routes, plan), null)]);

        AddDapr(files, plan);
        return files;
    }

    private static void AddDapr(SortedDictionary<string, string> files, DeploymentPlan plan)
    {
        var cron = plan.Services.SelectMany(s => s.Functions.Where(f => f.Cron is not null).Select(f => (Function: f, Service: s))).ToList();
        var subscriptions = plan.Services
            .SelectMany(s => s.Functions.SelectMany(f => f.Subscriptions.Select(t => (Function: f, Topic: t, Service: s))))
            .ToList();
        var appIds = plan.Services.Select(s => s.AppId).Concat(plan.Description.Workers.Select(w => DaprAppId.Of(w.Name))).ToList();

        var pubsubHeader = YamlText.Header("Pub/sub on NATS JetStream (components/kafka/ holds the Kafka variant).");
        files[$"{ComponentsFolder}/pubsub.yaml"] = YamlText.File(pubsubHeader, [(DaprObjects.NatsPubSub(DaprTarget.Local), null)]);
        files[$"{ComponentsFolder}/kafka/pubsub.yaml"] = YamlText.File(
            YamlText.Header("Pub/sub on Kafka: use this folder's file instead of ../pubsub.yaml."), [(DaprObjects.KafkaPubSub(DaprTarget.Local), null)]);
        files[$"{ComponentsFolder}/statestore.yaml"] = YamlText.File(
            YamlText.Header("State on PostgreSQL."), [(DaprObjects.PostgresStateStore(DaprTarget.Local), null)]);
        var bindingsHeader = YamlText.Header("One cron input binding per [CronBinding] function, posting to its route, scoped to its service.");
        var bindings = cron.Select(c => ((object)DaprObjects.CronBinding(c.Function, c.Service), (string?)null)).ToList();
        files[$"{ComponentsFolder}/cron-bindings.yaml"] = YamlText.File(bindingsHeader, bindings);
        var subscriptionsHeader = YamlText.Header("One Subscription per [TopicSubscription] function, delivering to its route, scoped to its service.");
        files[$"{ComponentsFolder}/subscriptions.yaml"] = YamlText.File(subscriptionsHeader,
            subscriptions.Select(s => ((object)DaprObjects.Subscription(s.Function, s.Topic, s.Service), (string?)null)));
        var resiliencyHeader = YamlText.Header("Retries, timeouts and circuit breakers for invocation, pub/sub and state.");
        files[$"{ComponentsFolder}/resiliency.yaml"] = YamlText.File(resiliencyHeader, [(DaprObjects.Resiliency(appIds), null)]);

        // The chart's copies: values instead of local endpoints, feature-dependent objects wrapped, all behind dapr.enabled.
        files[$"{GeneratedFolder}/dapr-components.yaml"] = Dapr(
            YamlText.Header("Dapr pub/sub (Kafka when pubsub.kafka.brokers is set, else NATS JetStream) and state store.")
            + "{{- if .Values.pubsub.kafka.brokers }}\n---\n" + YamlText.Document(DaprObjects.KafkaPubSub(DaprTarget.Helm))
            + "{{- else }}\n---\n" + YamlText.Document(DaprObjects.NatsPubSub(DaprTarget.Helm)) + "{{- end }}\n"
            + "---\n" + YamlText.Document(DaprObjects.PostgresStateStore(DaprTarget.Helm)));
        files[$"{GeneratedFolder}/dapr-bindings.yaml"] = Dapr(YamlText.File(bindingsHeader,
            cron.Select(c => ((object)DaprObjects.CronBinding(c.Function, c.Service), Condition(c.Service.Description.Feature)))));
        files[$"{GeneratedFolder}/dapr-subscriptions.yaml"] = Dapr(YamlText.File(subscriptionsHeader,
            subscriptions.Select(s => ((object)DaprObjects.Subscription(s.Function, s.Topic, s.Service), Condition(s.Service.Description.Feature)))));
        files[$"{GeneratedFolder}/dapr-resiliency.yaml"] = Dapr(YamlText.File(resiliencyHeader, [(DaprObjects.Resiliency(appIds), null)]));
    }

    private static string? Condition(string? feature) => feature is null ? null : YamlText.FeatureCondition(feature);

    private static string Keda(string file) => WrapBody(file, ".Values.keda.enabled");

    private static string Dapr(string file) => WrapBody(file, ".Values.dapr.enabled");

    private static string WrapBody(string file, string condition)
    {
        var headerEnd = file.IndexOf("\n", file.IndexOf("\n", StringComparison.Ordinal) + 1, StringComparison.Ordinal) + 1;
        return YamlText.Wrap(file[..headerEnd], condition, file);
    }

    /// <summary>Reads both inputs, plans, and generates.</summary>
    public static IReadOnlyDictionary<string, string> Generate(string metadataPath, string descriptionPath) =>
        Generate(DeploymentPlan.Create(DeploymentDescription.Load(descriptionPath), FunctionsMetadataFile.Read(metadataPath)));
}
