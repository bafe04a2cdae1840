namespace Iomete.Functions.Clusters.Kubernetes;

/// <summary>A Jupyter container (iomete-features.md §3.5) as the data plane runs it: one Deployment and one Service.</summary>
public sealed record JupyterDefinition
{
    /// <summary>Name of the Deployment and Service (DNS-1035 label).</summary>
    public required string Name { get; init; }
    public required string Namespace { get; init; }
    public required string ResourceId { get; init; }
    public required string Domain { get; init; }
    public KubernetesOwnerReference? Owner { get; init; }
    public IReadOnlyDictionary<string, string> ExtraLabels { get; init; } = new Dictionary<string, string>();

    public required string Image { get; init; }
    public IReadOnlyList<string> ImagePullSecrets { get; init; } = [];
    /// <summary>The instance type; its CPU and memory are the container's requests and limits.</summary>
    public required NodeType NodeType { get; init; }
    public IReadOnlyDictionary<string, string> EnvVars { get; init; } = new Dictionary<string, string>();
    public IReadOnlyList<SecretEnvVar> EnvSecrets { get; init; } = [];
    /// <summary>Extra JupyterLab arguments; the platform's own (<c>--ip</c>, <c>--port</c>, …) come first.</summary>
    public IReadOnlyList<string> Arguments { get; init; } = [];
    /// <summary>The path the gateway serves the container under, with leading and trailing '/'.</summary>
    public required string BaseUrl { get; init; }
    public string AllowOrigin { get; init; } = "*";
    /// <summary>The Secret holding the JupyterLab token; it reaches the container as an env var, never in plain text.</summary>
    public required SecretKeyReference Token { get; init; }
    /// <summary>Mounted at <c>/home/jovyan</c>; IOMETE allows only PVC or NFS here.</summary>
    public JupyterVolume? Volume { get; init; }

    public string? ServiceAccount { get; init; }
    public IReadOnlyDictionary<string, string> NodeSelector { get; init; } = new Dictionary<string, string>();
    public IReadOnlyList<KubernetesToleration> Tolerations { get; init; } = [];
}

public sealed record SecretKeyReference(string SecretName, string SecretKey);

/// <summary>A PersistentVolumeClaim (by claim name) or an NFS export.</summary>
public sealed record JupyterVolume(string? ClaimName, string? NfsServer = null, string? NfsPath = null)
{
    public static JupyterVolume Claim(string claimName) => new(claimName);

    public static JupyterVolume Nfs(string server, string path) => new(null, server, path);
}

/// <summary>The Deployment and the Service of one Jupyter container.</summary>
public sealed record JupyterManifestSet(System.Text.Json.Nodes.JsonObject Deployment, System.Text.Json.Nodes.JsonObject Service);
