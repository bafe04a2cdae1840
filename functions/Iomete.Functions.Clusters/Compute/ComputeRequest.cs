using System.Text.Json.Serialization;
using Iomete.Functions.Clusters.Common;

namespace Iomete.Functions.Clusters.Compute;

/// <summary>
/// A cluster definition as POST (create) and PUT (configure) take it. PUT replaces the whole definition: absent fields
/// take their defaults; <c>name</c> and <c>resourceBundleId</c> are immutable there (absent or equal).
/// </summary>
public sealed class ComputeRequest
{
    private int? autoSuspendSeconds;

    /// <summary>Kubernetes DNS-1035 label, at most 53 characters, unique in the domain; immutable.</summary>
    public string? Name { get; init; }
    public string? Description { get; init; }
    /// <summary>The resource bundle that holds the cluster (immutable).</summary>
    public string? ResourceBundleId { get; init; }
    /// <summary>One of the configured data-plane namespaces; default the first.</summary>
    public string? Namespace { get; init; }
    /// <summary>MULTI_NODE (default) or SINGLE_NODE.</summary>
    public string? DeploymentType { get; init; }
    /// <summary>Node type of the driver (admin node types, available for drivers).</summary>
    public string? DriverType { get; init; }
    /// <summary>Node type of executors; required for MULTI_NODE.</summary>
    public string? ExecutorType { get; init; }
    public int? MinExecutors { get; init; }
    public int? MaxExecutors { get; init; }
    public bool? UseSpotInstances { get; init; }

    /// <summary>Idle seconds before the cluster is suspended (60-10800, default 1800); null disables auto-suspend.</summary>
    public int? AutoSuspendSeconds
    {
        get => autoSuspendSeconds;
        init
        {
            autoSuspendSeconds = value;
            AutoSuspendGiven = true;
        }
    }

    [JsonIgnore]
    public bool AutoSuspendGiven { get; private init; }

    public Dictionary<string, string?>? SparkConf { get; init; }
    public Dictionary<string, string?>? EnvVars { get; init; }
    public List<SecretReference?>? EnvSecrets { get; init; }
    public List<SecretReference?>? SparkConfSecrets { get; init; }
    public List<string?>? Arguments { get; init; }
    public string? JavaOptions { get; init; }
    public ComputeDepsRequest? Deps { get; init; }
    /// <summary>The Spark image; default the platform's Spark image.</summary>
    public string? Image { get; init; }
    public string? VolumeId { get; init; }
    public List<ResourceTag?>? ResourceTags { get; init; }
    /// <summary>PUT only: the version that was read (409 when the cluster changed since).</summary>
    public long? Version { get; init; }
}

public sealed record ComputeDepsRequest
{
    public List<string?>? Jars { get; init; }
    public List<string?>? Files { get; init; }
    public List<string?>? PyFiles { get; init; }
    public List<string?>? Packages { get; init; }
}
