using Iomete.Functions.Clusters.Common;

namespace Iomete.Functions.Clusters.Jobs;

/// <summary>
/// What a run executes (IOMETE's <c>template</c>). The same shape is read from requests (nulls = defaults) and stored
/// normalized by <see cref="JobRules"/>.
/// </summary>
public sealed record JobTemplate
{
    public const string Python = "python";
    public const string Jvm = "jvm";
    public const string Sql = "sql";

    /// <summary><c>python</c>, <c>jvm</c> or <c>sql</c>.</summary>
    public string? ApplicationType { get; init; }
    public string? Image { get; init; }
    public List<string>? ImagePullSecrets { get; init; }
    /// <summary><c>local:///…</c>, <c>s3a://…</c> or <c>spark-internal</c>; required for python and jvm.</summary>
    public string? MainApplicationFile { get; init; }
    public string? MainClass { get; init; }
    public Dictionary<string, string>? EnvVars { get; init; }
    public List<SecretReference>? EnvSecrets { get; init; }
    public Dictionary<string, string>? SparkConf { get; init; }
    public List<SecretReference>? SparkConfSecrets { get; init; }
    public List<string>? Arguments { get; init; }
    public string? JavaOptions { get; init; }
    public List<ConfigMapFile>? ConfigMaps { get; init; }
    public JobDeps? Deps { get; init; }
    public InstanceConfig? InstanceConfig { get; init; }
    public string? VolumeId { get; init; }
    public JobRestartPolicy? RestartPolicy { get; init; }
    /// <summary>At least 60 s (option <c>MinExecutionDurationSeconds</c>); default 86400.</summary>
    public long? MaxExecutionDurationSeconds { get; init; }
    /// <summary>SQL jobs: statements separated by semicolons, run in order.</summary>
    public string? SqlScript { get; init; }
    /// <summary>SQL jobs: the compute to run on; default <c>local</c> (the embedded engine).</summary>
    public string? ComputeCluster { get; init; }
    public string? Catalog { get; init; }
    public string? Database { get; init; }
}

public sealed record ConfigMapFile(string? MountPath, string? Key, string? Content);

public sealed record JobDeps
{
    public List<string>? Jars { get; init; }
    public List<string>? Files { get; init; }
    public List<string>? PyFiles { get; init; }
    public List<string>? Packages { get; init; }
    public List<string>? ExcludePackages { get; init; }
    public List<string>? Repositories { get; init; }
}

public sealed record InstanceConfig
{
    public bool? SingleNodeDeployment { get; init; }
    public string? DriverType { get; init; }
    public string? ExecutorType { get; init; }
    public int? ExecutorCount { get; init; }
}

/// <summary>Retry intervals in seconds; IOMETE's defaults: 1 retry, 5 s apart.</summary>
public sealed record JobRestartPolicy
{
    /// <summary><c>Never</c>, <c>Always</c> or <c>OnFailure</c>.</summary>
    public string? Type { get; init; }
    public int? OnSubmissionFailureRetries { get; init; }
    public long? OnSubmissionFailureRetryInterval { get; init; }
    public int? OnFailureRetries { get; init; }
    public long? OnFailureRetryInterval { get; init; }
}
