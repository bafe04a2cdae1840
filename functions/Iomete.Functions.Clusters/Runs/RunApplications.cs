using System.Globalization;
using Iomete.Functions.Clusters.Common;
using Iomete.Functions.Clusters.ImageAliases;
using Iomete.Functions.Clusters.Jobs;
using Iomete.Functions.Clusters.Kubernetes;
using Iomete.Functions.Clusters.NodeTypes;
using Iomete.Functions.Clusters.SparkHistory;
using Microsoft.Extensions.Options;

namespace Iomete.Functions.Clusters.Runs;

/// <summary>Turns a run's effective template into the SparkApplication the spark-operator runs.</summary>
public sealed class RunApplications(
    NodeTypeCatalog nodeTypes, ImageReferences images, SparkHistoryLocation history, IOptions<ClustersOptions> clusters)
{
    /// <summary>The label that names the job of a run's application.</summary>
    public const string JobIdLabel = "iomete.com/job-id";

    /// <summary>The environment variable prefix that carries <c>sparkConfSecrets</c> into the pods.</summary>
    public const string SparkConfSecretPrefix = "IOMETE_SPARK_CONF_SECRET_";

    public static string ApplicationName(string runId) => "run-" + runId;

    /// <summary>
    /// The run's pages in the Spark History Server (<c>/spark-history/history/{appId}</c>), or null for a SQL run or when
    /// no event-log folder is configured (the application then writes no event log).
    /// </summary>
    public static string? HistoryUrl(SparkRun run, SparkHistoryLocation history) =>
        run.ApplicationType == JobTemplate.Sql || history.EventLogDirectory is null
            ? null
            : $"{SparkUiPaths.History}/history/{SparkAppIds.For(ManagedResourceType.SparkJob, run.Id, run.CreatedAt)}";

    public async Task<SparkApplicationDefinition> DefineAsync(SparkRun run, CancellationToken ct)
    {
        var t = run.Config;
        var instance = t.InstanceConfig ?? new InstanceConfig();
        var single = instance.SingleNodeDeployment ?? false;
        var driver = await nodeTypes.GetAsync("template.instanceConfig.driverType", instance.DriverType, SparkRole.Driver, ct);
        var executor = single ? null : await nodeTypes.GetAsync("template.instanceConfig.executorType", instance.ExecutorType, SparkRole.Executor, ct);
        var count = Math.Max(1, instance.ExecutorCount ?? 1);

        var envSecrets = (t.EnvSecrets ?? []).Select(s => SecretObjects.ToEnvVar(s.Key, s.SecretObject)).ToList();
        var sparkConf = new Dictionary<string, string>(t.SparkConf ?? [], StringComparer.Ordinal);
        var index = 0;
        foreach (var secret in t.SparkConfSecrets ?? [])
        {
            // Spark substitutes ${env:NAME} in configuration values: the secret's value reaches the conf without passing through us.
            var variable = SparkConfSecretPrefix + index.ToString(CultureInfo.InvariantCulture);
            index++;
            envSecrets.Add(SecretObjects.ToEnvVar(variable, secret.SecretObject));
            sparkConf[secret.Key] = "${env:" + variable + "}";
        }
        var restart = t.RestartPolicy ?? new JobRestartPolicy();
        var deps = t.Deps ?? new JobDeps();
        return new SparkApplicationDefinition
        {
            Name = ApplicationName(run.Id),
            Namespace = run.Namespace,
            ResourceType = ManagedResourceType.SparkJob,
            ResourceId = run.Id,
            Domain = run.DomainId,
            ExtraLabels = new Dictionary<string, string> { [JobIdLabel] = run.JobId },
            Type = t.ApplicationType == JobTemplate.Python ? SparkApplicationType.Python : SparkApplicationType.Java,
            // Aliases resolve when the run starts, so a changed alias reaches the next run.
            Image = await images.ResolveAsync(run.DomainId, t.Image ?? clusters.Value.DefaultSparkImage, ct, "template.image"),
            ImagePullSecrets = t.ImagePullSecrets ?? [],
            MainApplicationFile = t.MainApplicationFile ?? "",
            MainClass = t.MainClass,
            Arguments = t.Arguments ?? [],
            SparkVersion = clusters.Value.SparkVersion,
            SparkConf = sparkConf,
            EnvVars = t.EnvVars ?? [],
            EnvSecrets = envSecrets,
            JavaOptions = t.JavaOptions,
            Deps = new SparkDependencies
            {
                Jars = deps.Jars ?? [],
                Files = deps.Files ?? [],
                PyFiles = deps.PyFiles ?? [],
                Packages = deps.Packages ?? [],
                ExcludePackages = deps.ExcludePackages ?? [],
                Repositories = deps.Repositories ?? [],
            },
            DriverNodeType = driver,
            ExecutorNodeType = executor,
            Deployment = single ? SparkDeployment.SingleNodeOnly : SparkDeployment.MultiNode(count, count),
            RestartPolicy = new SparkRestartPolicy(
                Enum.Parse<SparkRestartType>(restart.Type ?? "Never", ignoreCase: true),
                restart.OnFailureRetries ?? 1,
                restart.OnFailureRetryInterval ?? 5,
                restart.OnSubmissionFailureRetries ?? 1,
                restart.OnSubmissionFailureRetryInterval ?? 5),
            TimeToLiveSeconds = clusters.Value.FinishedApplicationTtlSeconds,
            // The run's creation time names its Spark app id (and event log): see HistoryUrl.
            EventLog = history.EventLogFor(run.CreatedAt),
        };
    }
}
