using System.Globalization;
using System.Text.Json.Nodes;
using Iomete.Functions.Clusters.Common;
using Iomete.Functions.Clusters.ImageAliases;
using Iomete.Functions.Clusters.Kubernetes;
using Iomete.Functions.Clusters.SparkHistory;
using Microsoft.Extensions.Options;

namespace Iomete.Functions.Clusters.Compute;

/// <summary>
/// The data-plane objects of a compute cluster: its SparkApplication (IOMETE's lakehouse server as the main class) and
/// the driver Service clients connect to. The application is named after the cluster id, so it never collides across
/// domains, and carries the start count as a label so the watcher can tell the current application from an old one.
/// </summary>
public sealed class ComputeApplications(
    ComputeDefinitions definitions, ImageReferences images, SparkHistoryLocation history, IOptions<ClustersOptions> clusters)
{
    public const string StartLabel = "iomete.com/start";
    public const string MainClass = "com.iomete.lakehouse.LakehouseServer";
    public const string SecretConfPrefix = "IOMETE_SPARK_CONF_SECRET_";

    public static string ApplicationName(string clusterId) => "compute-" + clusterId.ToLowerInvariant();

    public static string DriverPod(string clusterId) => ApplicationName(clusterId) + "-driver";

    public static string Host(ComputeCluster c) =>
        $"{DriverServiceBuilder.ServiceName(ApplicationName(c.Id))}.{c.Namespace}.svc.cluster.local";

    /// <param name="startedAt">When this start began: part of the Spark app id its event log is named by.</param>
    public async Task<SparkApplicationDefinition> DefinitionAsync(ComputeCluster c, int start, DateTimeOffset startedAt, CancellationToken ct)
    {
        var (driver, executor) = await definitions.NodeTypesAsync(c.Spec, ct);
        var s = c.Spec;
        var conf = new Dictionary<string, string>(s.SparkConf, StringComparer.Ordinal);
        var secrets = s.EnvSecrets.Select(e => SecretObjects.ToEnvVar(e.Key, e.SecretObject)).ToList();
        // A secret-backed Spark setting reaches Spark as an env var it reads through ${env:...}: its value never appears in the object.
        foreach (var (secret, i) in s.SparkConfSecrets.Select((x, i) => (x, i)))
        {
            var variable = SecretConfPrefix + i.ToString(CultureInfo.InvariantCulture);
            secrets.Add(SecretObjects.ToEnvVar(variable, secret.SecretObject));
            conf[secret.Key] = "${env:" + variable + "}";
        }
        var labels = new Dictionary<string, string> { [StartLabel] = start.ToString(CultureInfo.InvariantCulture) };
        if (s.UseSpotInstances)
        {
            labels["iomete.com/spot-instances"] = "true";
        }
        return new SparkApplicationDefinition
        {
            Name = ApplicationName(c.Id),
            Namespace = c.Namespace,
            ResourceType = ManagedResourceType.Compute,
            ResourceId = c.Id,
            Domain = c.DomainId,
            ExtraLabels = labels,
            Type = SparkApplicationType.Java,
            // Aliases resolve at each start, so a changed alias reaches the next start.
            Image = await images.ResolveAsync(c.DomainId, s.Image, ct),
            MainApplicationFile = "spark-internal",
            MainClass = MainClass,
            Arguments = s.Arguments,
            SparkVersion = clusters.Value.SparkVersion,
            SparkConf = conf,
            EnvVars = s.EnvVars,
            EnvSecrets = secrets,
            JavaOptions = s.JavaOptions,
            Deps = new SparkDependencies { Jars = s.Deps.Jars, Files = s.Deps.Files, PyFiles = s.Deps.PyFiles, Packages = s.Deps.Packages },
            DriverNodeType = driver,
            ExecutorNodeType = executor,
            Deployment = s.DeploymentType == DeploymentType.SingleNode
                ? SparkDeployment.SingleNodeOnly
                : SparkDeployment.MultiNode(s.MinExecutors, s.MaxExecutors),
            // The operator restarts a failed driver in place (IOMETE: OnFailure, 5 attempts, 10 s apart).
            RestartPolicy = new SparkRestartPolicy(SparkRestartType.OnFailure, 5, 10, 5, 10),
            ComputeServers = ComputeServers.Default,
            EventLog = history.EventLogFor(startedAt),
        };
    }

    /// <summary>The effective Spark configuration (what the application carries), secret-like values masked.</summary>
    public async Task<SortedDictionary<string, string>> EffectiveConfAsync(ComputeCluster c, CancellationToken ct)
    {
        var application = SparkApplicationBuilder.Build(await DefinitionAsync(c, c.StartCount, c.UpdatedAt, ct));
        var result = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in application["spec"]!["sparkConf"]!.AsObject())
        {
            result[key] = IsSecretLike(key) ? "*****" : value!.GetValue<string>();
        }
        result["spark.kubernetes.container.image"] = application["spec"]!["image"]!.GetValue<string>();
        result["spark.kubernetes.namespace"] = c.Namespace;
        return result;
    }

    public static bool IsSecretLike(string key) =>
        key.Contains("token", StringComparison.OrdinalIgnoreCase)
        || key.Contains("password", StringComparison.OrdinalIgnoreCase)
        || key.Contains("secret", StringComparison.OrdinalIgnoreCase);

    public static JsonObject Build(SparkApplicationDefinition definition) => SparkApplicationBuilder.Build(definition);
}
