using Iomete.Functions.Clusters.Common;

namespace Iomete.Functions.Clusters.Jupyter;

/// <summary>A Jupyter container as the API shows it (the token is never part of it; see the connection route).</summary>
public sealed record JupyterContainerView(
    string Id,
    string Domain,
    string Name,
    string Namespace,
    string ResourceBundleId,
    string NodeType,
    string? VolumeId,
    IReadOnlyDictionary<string, string> EnvVars,
    IReadOnlyList<SecretReference> EnvSecrets,
    IReadOnlyList<string> JupyterArgs,
    IReadOnlyList<JupyterTag> ResourceTags,
    JupyterStatus Status,
    string? StatusMessage,
    string BaseUrl,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    long Version)
{
    public static JupyterContainerView From(JupyterContainer c) => new(
        c.Id, c.DomainId, c.Name, c.Namespace, c.ResourceBundleId, c.NodeType, c.VolumeId, c.Config.EnvVars, c.Config.EnvSecrets,
        c.Config.JupyterArgs, c.ResourceTags, c.Status, c.StatusMessage, JupyterDeployer.BaseUrl(c), c.CreatedBy, c.CreatedAt, c.UpdatedAt, c.Version);
}

/// <summary>How to open the container: the URL (through the gateway) and the JupyterLab token; for its owner only.</summary>
public sealed record JupyterConnectionView(string Url, string BaseUrl, string Token, JupyterStatus Status);
