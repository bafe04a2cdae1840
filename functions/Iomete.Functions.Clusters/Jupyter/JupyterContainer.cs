using Iomete.Functions.Clusters.Common;

namespace Iomete.Functions.Clusters.Jupyter;

/// <summary>A Jupyter container as stored (iomete-features.md §3.5): a JupyterLab Deployment + Service on the data plane.</summary>
public sealed record JupyterContainer
{
    public required string Id { get; init; }
    public required string DomainId { get; init; }

    /// <summary>DNS label, immutable; the Kubernetes objects are named <c>jc-{name}</c>.</summary>
    public required string Name { get; init; }
    public required string Namespace { get; init; }
    public required string ResourceBundleId { get; init; }

    /// <summary>The node type (instance type) whose CPU and memory the container gets.</summary>
    public required string NodeType { get; init; }

    /// <summary>A PVC or NFS volume of the admin volumes, mounted at <c>/home/jovyan</c>.</summary>
    public string? VolumeId { get; init; }

    public JupyterConfig Config { get; init; } = new();
    public IReadOnlyList<JupyterTag> ResourceTags { get; init; } = [];
    public required JupyterStatus Status { get; init; }

    /// <summary>Why it FAILED (the Deployment condition or the crashing container).</summary>
    public string? StatusMessage { get; init; }
    public required string CreatedBy { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }
    public long Version { get; init; }

    /// <summary>Name of the Deployment, the Service and (with <c>-token</c>) the token Secret.</summary>
    public string ObjectName => ObjectNameOf(Name);

    public static string ObjectNameOf(string name) => $"jc-{name}";
}

/// <summary>The Configurations tab: environment (plain and secret-backed) and extra JupyterLab arguments.</summary>
public sealed record JupyterConfig
{
    public IReadOnlyDictionary<string, string> EnvVars { get; init; } = new Dictionary<string, string>();
    public IReadOnlyList<SecretReference> EnvSecrets { get; init; } = [];
    public IReadOnlyList<string> JupyterArgs { get; init; } = [];
}

/// <summary>A resource tag; it also labels the container's pods, so it follows Kubernetes label syntax.</summary>
public sealed record JupyterTag(string Key, string Value);

/// <summary>IOMETE's Jupyter states.</summary>
public enum JupyterStatus
{
    /// <summary>Deployed, the pod is not ready yet.</summary>
    Starting,

    /// <summary>The JupyterLab pod is ready.</summary>
    Active,

    /// <summary>Terminated: no Deployment or Service on the data plane.</summary>
    Stopped,

    /// <summary>The pod crashes or cannot be scheduled; see the status message.</summary>
    Failed,
}
