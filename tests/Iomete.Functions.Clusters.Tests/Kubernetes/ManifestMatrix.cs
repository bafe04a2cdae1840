using Iomete.Functions.Clusters.Kubernetes;

namespace Iomete.Functions.Clusters.Tests.Kubernetes;

/// <summary>
/// Every combination of the options a compute cluster or a Spark job can have, generated as a cartesian product:
/// type × deployment × restart policy × deps × secrets × executor volume × scheduling extras (× servers for compute).
/// </summary>
internal static class ManifestMatrix
{
    public static readonly SparkDeployment[] Deployments =
        [SparkDeployment.SingleNodeOnly, SparkDeployment.MultiNode(0, 4), SparkDeployment.MultiNode(1, 1), SparkDeployment.MultiNode(2, 10)];

    public static readonly SparkRestartPolicy[] RestartPolicies =
    [
        SparkRestartPolicy.Never,
        new(SparkRestartType.OnFailure, OnFailureRetries: 5, OnFailureRetryIntervalSeconds: 10),
        new(SparkRestartType.Always, OnFailureRetryIntervalSeconds: 30, OnSubmissionFailureRetryIntervalSeconds: 20),
    ];

    public static readonly ExecutorVolume?[] Volumes =
    [
        null,
        new(ExecutorVolumeKind.OnDemandPvc) { StorageClass = "gp3", SizeLimit = "50Gi" },
        new(ExecutorVolumeKind.OnDemandPvc, "/data") { SizeLimit = "10Gi" },
        new(ExecutorVolumeKind.EmptyDir) { SizeLimit = "20Gi" },
        new(ExecutorVolumeKind.EmptyDir),
        new(ExecutorVolumeKind.Tmpfs) { SizeLimit = "4Gi" },
        new(ExecutorVolumeKind.HostPath) { HostPath = "/local1" },
        new(ExecutorVolumeKind.Nfs, "/mnt/scratch") { NfsServer = "nfs.internal", NfsPath = "/exports/spark" },
    ];

    public static readonly ComputeServers?[] ComputeServerOptions =
        [null, new(true, false, false), new(false, true, true), new(false, false, true)];

    public static IEnumerable<(string Label, SparkApplicationDefinition Definition)> Applications(
        ManagedResourceType resourceType, SparkApplicationType type)
    {
        var servers = resourceType == ManagedResourceType.Compute ? ComputeServerOptions : [null];
        var baseDefinition = resourceType == ManagedResourceType.Compute ? Definitions.Compute() with { Type = type } : Definitions.Job(type);
        foreach (var deployment in Deployments)
        foreach (var restart in RestartPolicies)
        foreach (var deps in new[] { false, true })
        foreach (var secrets in new[] { false, true })
        foreach (var volume in Volumes)
        foreach (var extras in new[] { false, true })
        foreach (var server in servers)
        {
            var d = baseDefinition with { Deployment = deployment, RestartPolicy = restart, ExecutorVolume = volume, ComputeServers = server };
            if (deps)
                d = d with { Deps = AllDeps };
            if (secrets)
                d = d with
                {
                    EnvVars = new Dictionary<string, string> { ["LOG_LEVEL"] = "info", ["AWS_REGION"] = "eu-west-1" },
                    EnvSecrets = [new SecretEnvVar("DB_PASSWORD", "domain-finance-secrets", "db-password")],
                    SparkConf = new Dictionary<string, string> { ["spark.sql.shuffle.partitions"] = "64" },
                    JavaOptions = "-XX:+UseG1GC",
                };
            if (extras)
                d = WithExtras(d);
            yield return ($"{deployment} {restart.Type} deps={deps} secrets={secrets} volume={volume?.Kind.ToString() ?? "none"} extras={extras} servers={server}", d);
        }
    }

    public static SparkDependencies AllDeps { get; } = new()
    {
        Jars = ["s3a://deps/postgresql-42.7.4.jar"],
        Files = ["s3a://deps/config.yaml"],
        PyFiles = ["s3a://deps/helpers.zip"],
        Packages = ["org.apache.spark:spark-avro_2.12:3.5.5"],
        ExcludePackages = ["com.google.guava:guava"],
        Repositories = ["https://repo.maven.apache.org/maven2"],
    };

    /// <summary>Owner, TTL, pull secrets, hadoop conf, arguments, service account, priority class, placement.</summary>
    public static SparkApplicationDefinition WithExtras(SparkApplicationDefinition d) => d with
    {
        Owner = new KubernetesOwnerReference("v1", "ConfigMap", "iomete-cluster-owner", "6f1c2a7e-1b5d-4c1e-9a51-0f3b1d2e4c5a"),
        ExtraLabels = new Dictionary<string, string> { ["team"] = "data-eng" },
        TimeToLiveSeconds = 3600,
        ImagePullPolicy = ImagePullPolicy.Always,
        ImagePullSecrets = ["iomete-registry"],
        HadoopConf = new Dictionary<string, string> { ["fs.s3a.endpoint"] = "http://minio:9000" },
        Arguments = ["--date", "2026-11-28"],
        ServiceAccount = "lakehouse-service-account",
        PriorityClassName = "iomete-high",
        NodeSelector = new Dictionary<string, string> { ["k8s.iomete.com/node-purpose"] = "data-plane" },
        Tolerations =
        [
            new KubernetesToleration("k8s.iomete.com/dedicated", "Exists", Effect: "NoSchedule"),
            new KubernetesToleration("kubernetes.io/arch", "Equal", "arm64", "NoSchedule"),
            new KubernetesToleration(null, "Exists", Effect: "NoExecute", TolerationSeconds: 300),
        ],
    };
}
