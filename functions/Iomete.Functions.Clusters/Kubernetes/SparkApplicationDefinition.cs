namespace Iomete.Functions.Clusters.Kubernetes;

/// <summary>
/// What a compute cluster or a Spark job run needs from the data plane; <see cref="SparkApplicationBuilder"/> turns
/// it into a <c>sparkoperator.k8s.io/v1beta2</c> SparkApplication.
/// </summary>
public sealed record SparkApplicationDefinition
{
    /// <summary>The object name (DNS-1035 label, at most <see cref="KubernetesNames.MaxResourceNameLength"/>).</summary>
    public required string Name { get; init; }
    public required string Namespace { get; init; }
    public required ManagedResourceType ResourceType { get; init; }
    public required string ResourceId { get; init; }
    public required string Domain { get; init; }
    public KubernetesOwnerReference? Owner { get; init; }
    public IReadOnlyDictionary<string, string> ExtraLabels { get; init; } = new Dictionary<string, string>();

    public required SparkApplicationType Type { get; init; }
    public required string Image { get; init; }
    public ImagePullPolicy ImagePullPolicy { get; init; } = ImagePullPolicy.IfNotPresent;
    public IReadOnlyList<string> ImagePullSecrets { get; init; } = [];
    public required string MainApplicationFile { get; init; }
    public string? MainClass { get; init; }
    public IReadOnlyList<string> Arguments { get; init; } = [];
    public required string SparkVersion { get; init; }
    public IReadOnlyDictionary<string, string> SparkConf { get; init; } = new Dictionary<string, string>();
    public IReadOnlyDictionary<string, string> HadoopConf { get; init; } = new Dictionary<string, string>();
    public IReadOnlyDictionary<string, string> EnvVars { get; init; } = new Dictionary<string, string>();
    public IReadOnlyList<SecretEnvVar> EnvSecrets { get; init; } = [];
    /// <summary>Extra JVM options for driver and executors.</summary>
    public string? JavaOptions { get; init; }
    public SparkDependencies? Deps { get; init; }

    public required NodeType DriverNodeType { get; init; }
    /// <summary>Required for multi-node; single-node ignores it.</summary>
    public NodeType? ExecutorNodeType { get; init; }
    public required SparkDeployment Deployment { get; init; }
    public SparkRestartPolicy RestartPolicy { get; init; } = SparkRestartPolicy.Never;
    /// <summary>How long a finished application stays before the operator deletes it.</summary>
    public long? TimeToLiveSeconds { get; init; }
    public ExecutorVolume? ExecutorVolume { get; init; }

    public string? ServiceAccount { get; init; }
    public string? PriorityClassName { get; init; }
    public IReadOnlyDictionary<string, string> NodeSelector { get; init; } = new Dictionary<string, string>();
    public IReadOnlyList<KubernetesToleration> Tolerations { get; init; } = [];

    /// <summary>
    /// The event log for the Spark History Server: sets <c>spark.eventLog.enabled</c>, <c>spark.eventLog.dir</c>,
    /// <c>spark.app.id</c> (<see cref="SparkAppIds"/>) and <c>spark.ui.proxyBase</c>. Null leaves event logging off.
    /// </summary>
    public SparkEventLog? EventLog { get; init; }

    /// <summary>Compute clusters only; null there means <see cref="ComputeServers.Default"/>.</summary>
    public ComputeServers? ComputeServers { get; init; }
}

/// <summary>An environment variable read from a Kubernetes Secret (<c>valueFrom.secretKeyRef</c>).</summary>
public sealed record SecretEnvVar(string Name, string SecretName, string SecretKey);

public sealed record SparkDependencies
{
    public IReadOnlyList<string> Jars { get; init; } = [];
    public IReadOnlyList<string> Files { get; init; } = [];
    public IReadOnlyList<string> PyFiles { get; init; } = [];
    public IReadOnlyList<string> Packages { get; init; } = [];
    public IReadOnlyList<string> ExcludePackages { get; init; } = [];
    public IReadOnlyList<string> Repositories { get; init; } = [];
}

/// <summary>Single-node (the driver runs the tasks itself) or multi-node with an executor range.</summary>
public sealed record SparkDeployment(bool SingleNode, int MinExecutors, int MaxExecutors)
{
    public static SparkDeployment SingleNodeOnly { get; } = new(true, 0, 0);

    public static SparkDeployment MultiNode(int minExecutors, int maxExecutors) => new(false, minExecutors, maxExecutors);
}

public enum SparkRestartType
{
    Never,
    OnFailure,
    Always,
}

/// <summary>The operator's restart policy; intervals in seconds. IOMETE's defaults: 1 retry, 5 s apart.</summary>
public sealed record SparkRestartPolicy(
    SparkRestartType Type,
    int OnFailureRetries = 1,
    long OnFailureRetryIntervalSeconds = 5,
    int OnSubmissionFailureRetries = 1,
    long OnSubmissionFailureRetryIntervalSeconds = 5)
{
    public static SparkRestartPolicy Never { get; } = new(SparkRestartType.Never);
}

/// <summary>Which IOMETE servers a compute cluster's driver starts.</summary>
public sealed record ComputeServers(bool HiveThrift, bool SparkConnect, bool ArrowFlight)
{
    public static ComputeServers Default { get; } = new(true, true, true);
}

public sealed record KubernetesOwnerReference(string ApiVersion, string Kind, string Name, string Uid, bool Controller = true);

public sealed record KubernetesToleration(
    string? Key, string Operator = "Equal", string? Value = null, string? Effect = null, long? TolerationSeconds = null);
