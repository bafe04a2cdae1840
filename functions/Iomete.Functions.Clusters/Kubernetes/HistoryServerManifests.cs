using System.Text.Json.Nodes;
using Iomete.Platform.Errors;

namespace Iomete.Functions.Clusters.Kubernetes;

/// <summary>The Spark History Server as the data plane runs it: reads the event logs every application writes to object storage.</summary>
public sealed record HistoryServerDefinition
{
    public const string DefaultName = "iomete-spark-history";

    public string Name { get; init; } = DefaultName;
    public required string Namespace { get; init; }
    public required string Image { get; init; }

    /// <summary><c>spark.history.fs.logDirectory</c>, e.g. <c>s3a://lakehouse/iomete-assets/spark-history/</c>.</summary>
    public required string LogDirectory { get; init; }

    /// <summary>Hadoop settings of the object store (<c>fs.s3a.endpoint</c>, <c>fs.s3a.path.style.access</c>, …), without the <c>spark.hadoop.</c> prefix.</summary>
    public IReadOnlyDictionary<string, string> HadoopConf { get; init; } = new Dictionary<string, string>();

    /// <summary>The Secret with <c>AWS_ACCESS_KEY_ID</c> and <c>AWS_SECRET_ACCESS_KEY</c>; null = the pod's own identity (IRSA, instance profile).</summary>
    public string? CredentialsSecret { get; init; }

    public int UpdateIntervalSeconds { get; init; } = 10;
    public int MaxApplications { get; init; } = 5000;
    public int CpuMillicores { get; init; } = 500;
    public int MemoryMiB { get; init; } = 2048;
}

/// <summary>
/// Builds the Deployment and Service of the Spark History Server. Its UI is served under <see cref="SparkUiPaths.History"/>
/// by the control plane's proxy, so <c>spark.ui.proxyBase</c> is set to that path: every link it writes already carries the
/// prefix and no HTML needs rewriting.
/// </summary>
public static class HistoryServerManifests
{
    public const int Port = 18080;
    public const string PortName = "http";

    public static JupyterManifestSet Build(HistoryServerDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var d = definition;
        KubernetesNames.RequireResourceName("name", d.Name);
        KubernetesNames.RequireNamespace("namespace", d.Namespace);
        SparkApplicationValidation.Require("image", d.Image);
        if (!d.LogDirectory.Contains("://", StringComparison.Ordinal))
            throw ValidationException.ForField("logDirectory", "must be a URI such as s3a://bucket/iomete-assets/spark-history/.");
        // A platform workload, not a user's resource: managed (network policies select on it) but of no resource type.
        var labels = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            [ManifestLabels.Managed] = "true", ["app.kubernetes.io/name"] = "spark-history-server", [ManifestLabels.ResourceId] = d.Name,
        };
        var selector = new SortedDictionary<string, string>(StringComparer.Ordinal) { ["app.kubernetes.io/name"] = "spark-history-server", [ManifestLabels.ResourceId] = d.Name };
        var deployment = new JsonObject
        {
            ["apiVersion"] = "apps/v1",
            ["kind"] = "Deployment",
            ["metadata"] = SparkApplicationBuilder.Metadata(d.Name, d.Namespace, labels, null),
            ["spec"] = new JsonObject
            {
                ["replicas"] = 1,
                ["selector"] = new JsonObject { ["matchLabels"] = ManifestLabels.ToJson(selector) },
                ["template"] = new JsonObject
                {
                    ["metadata"] = new JsonObject { ["labels"] = ManifestLabels.ToJson(labels) },
                    ["spec"] = new JsonObject { ["containers"] = new JsonArray(Container(d)) },
                },
            },
        };
        var service = new JsonObject
        {
            ["apiVersion"] = "v1",
            ["kind"] = "Service",
            ["metadata"] = SparkApplicationBuilder.Metadata(d.Name, d.Namespace, labels, null),
            ["spec"] = new JsonObject
            {
                ["type"] = "ClusterIP",
                ["selector"] = ManifestLabels.ToJson(selector),
                ["ports"] = new JsonArray(new JsonObject { ["name"] = PortName, ["port"] = Port, ["targetPort"] = PortName, ["protocol"] = "TCP" }),
            },
        };
        return new JupyterManifestSet(deployment, service);
    }

    /// <summary>The in-cluster address of the history server's UI.</summary>
    public static string ServiceUrl(string @namespace, string name = HistoryServerDefinition.DefaultName) =>
        $"http://{name}.{@namespace}.svc.cluster.local:{Port}";

    /// <summary>The system properties the history server starts with (<c>SPARK_HISTORY_OPTS</c>).</summary>
    public static SortedDictionary<string, string> Settings(HistoryServerDefinition d)
    {
        var settings = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["spark.history.fs.logDirectory"] = d.LogDirectory,
            ["spark.history.fs.update.interval"] = $"{d.UpdateIntervalSeconds}s",
            ["spark.history.retainedApplications"] = "50",
            ["spark.history.ui.maxApplications"] = d.MaxApplications.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["spark.history.ui.port"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["spark.ui.proxyBase"] = SparkUiPaths.History,
        };
        foreach (var (key, value) in d.HadoopConf)
            settings[$"spark.hadoop.{key}"] = value;
        return settings;
    }

    private static JsonObject Container(HistoryServerDefinition d)
    {
        var opts = string.Join(' ', Settings(d).Select(p => $"-D{p.Key}={p.Value}"));
        var env = new JsonArray(new JsonObject { ["name"] = "SPARK_HISTORY_OPTS", ["value"] = opts }, new JsonObject { ["name"] = "SPARK_NO_DAEMONIZE", ["value"] = "true" });
        if (d.CredentialsSecret is { } secret)
        {
            foreach (var key in (string[])["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"])
                env.Add(new JsonObject { ["name"] = key, ["valueFrom"] = new JsonObject { ["secretKeyRef"] = new JsonObject { ["name"] = secret, ["key"] = key } } });
        }
        var quantity = new JsonObject
        {
            ["cpu"] = $"{d.CpuMillicores.ToString(System.Globalization.CultureInfo.InvariantCulture)}m",
            ["memory"] = $"{d.MemoryMiB.ToString(System.Globalization.CultureInfo.InvariantCulture)}Mi",
        };
        return new JsonObject
        {
            ["name"] = "spark-history-server",
            ["image"] = d.Image,
            ["command"] = SparkApplicationBuilder.Strings(["/opt/spark/bin/spark-class", "org.apache.spark.deploy.history.HistoryServer"]),
            ["ports"] = new JsonArray(new JsonObject { ["name"] = PortName, ["containerPort"] = Port, ["protocol"] = "TCP" }),
            ["env"] = env,
            ["resources"] = new JsonObject { ["requests"] = quantity, ["limits"] = quantity.DeepClone() },
            ["readinessProbe"] = new JsonObject { ["httpGet"] = new JsonObject { ["path"] = "/api/v1/version", ["port"] = PortName }, ["periodSeconds"] = 10 },
        };
    }
}
