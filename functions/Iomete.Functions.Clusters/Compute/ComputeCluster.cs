using Iomete.Functions.Clusters.Common;

namespace Iomete.Functions.Clusters.Compute;

/// <summary>A Spark compute cluster as stored: its definition (<see cref="Spec"/>) and its observed lifecycle state.</summary>
public sealed record ComputeCluster
{
    public required string Id { get; init; }
    public required string DomainId { get; init; }
    /// <summary>DNS-1035 label, unique in its domain, immutable.</summary>
    public required string Name { get; init; }
    public string? Description { get; init; }
    public required string ResourceBundleId { get; init; }
    public required string Namespace { get; init; }
    public required ComputeSpec Spec { get; init; }
    public required ComputeStatus Status { get; init; }
    /// <summary>The operator's <c>applicationState.state</c> of the current application, null when none runs.</summary>
    public string? DriverState { get; init; }
    public string? ErrorMessage { get; init; }
    /// <summary>Starts so far; the current application's generation (label <see cref="ComputeApplications.StartLabel"/>).</summary>
    public int StartCount { get; init; }
    /// <summary>Automatic restarts since the last start by a user.</summary>
    public int RestartAttempts { get; init; }
    public bool RestartRequired { get; init; }
    public DateTimeOffset? LastActivityAt { get; init; }
    public required string CreatedBy { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }
    /// <summary>Optimistic-concurrency version of the definition (state changes do not bump it).</summary>
    public long Version { get; init; }
}

/// <summary>What a user configures (IOMETE's General, Configurations, Dependencies, Docker and Tags tabs).</summary>
public sealed record ComputeSpec
{
    public DeploymentType DeploymentType { get; init; } = DeploymentType.MultiNode;
    public required string DriverType { get; init; }
    public string? ExecutorType { get; init; }
    public int MinExecutors { get; init; }
    public int MaxExecutors { get; init; } = 1;
    public bool UseSpotInstances { get; init; }
    /// <summary>Idle seconds before auto-suspend; null = never.</summary>
    public int? AutoSuspendSeconds { get; init; }
    public IReadOnlyDictionary<string, string> SparkConf { get; init; } = new Dictionary<string, string>();
    public IReadOnlyDictionary<string, string> EnvVars { get; init; } = new Dictionary<string, string>();
    public IReadOnlyList<SecretReference> EnvSecrets { get; init; } = [];
    public IReadOnlyList<SecretReference> SparkConfSecrets { get; init; } = [];
    public IReadOnlyList<string> Arguments { get; init; } = [];
    public string? JavaOptions { get; init; }
    public ComputeDeps Deps { get; init; } = new();
    public required string Image { get; init; }
    public string? VolumeId { get; init; }
    public IReadOnlyList<ResourceTag> ResourceTags { get; init; } = [];
}

public sealed record ComputeDeps
{
    public IReadOnlyList<string> Jars { get; init; } = [];
    public IReadOnlyList<string> Files { get; init; } = [];
    public IReadOnlyList<string> PyFiles { get; init; } = [];
    public IReadOnlyList<string> Packages { get; init; } = [];
}

public sealed record ResourceTag(string Key, string Value);

public enum DeploymentType
{
    MultiNode,
    SingleNode,
}

/// <summary>The driver's state as IOMETE shows it (§3.1).</summary>
public enum ComputeStatus
{
    Starting,
    Active,
    Stopped,
    Failed,
}
