using System.Security.Cryptography;
using Iomete.Functions.Clusters.Common;
using Iomete.Functions.Clusters.DataPlane;
using Iomete.Functions.Clusters.ImageAliases;
using Iomete.Functions.Clusters.Kubernetes;
using Iomete.Functions.Clusters.NodeTypes;
using Microsoft.Extensions.Options;

namespace Iomete.Functions.Clusters.Jupyter;

/// <summary>
/// Puts a container on the data plane (token Secret, Deployment, Service) and takes it off again. A new JupyterLab token
/// is made on every start; it lives only in the Secret on the data plane, which the connection route reads for the owner.
/// </summary>
public sealed class JupyterDeployer(
    IKubernetesWorkloads workloads, NodeTypeCatalog nodeTypes, JupyterVolumes volumes, ImageReferences images, IOptions<JupyterOptions> options)
{
    /// <summary>Checks what a deploy needs (node type, volume, manifests) without deploying; 400 when something is wrong.</summary>
    public async Task<JupyterManifestSet> PlanAsync(JupyterContainer container, CancellationToken ct) =>
        JupyterManifests.Build(await DefinitionAsync(container, ct));

    public async Task DeployAsync(JupyterContainer container, CancellationToken ct)
    {
        var definition = await DefinitionAsync(container, ct);
        var manifests = JupyterManifests.Build(definition);
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        await workloads.ApplySecretAsync(JupyterTokenSecret.Build(definition, token), ct);
        await workloads.ApplyServiceAsync(manifests.Service, ct);
        await workloads.ApplyDeploymentAsync(manifests.Deployment, ct);
    }

    public async Task RemoveAsync(JupyterContainer container, CancellationToken ct)
    {
        await workloads.DeleteDeploymentAsync(container.Namespace, container.ObjectName, ct);
        await workloads.DeleteServiceAsync(container.Namespace, container.ObjectName, ct);
        await workloads.DeleteSecretAsync(container.Namespace, JupyterTokenSecret.NameFor(container.ObjectName), ct);
    }

    public Task<string?> ReadTokenAsync(JupyterContainer container, CancellationToken ct) =>
        workloads.ReadSecretValueAsync(container.Namespace, JupyterTokenSecret.NameFor(container.ObjectName), JupyterTokenSecret.Key, ct);

    /// <summary>The path the gateway serves the container under (IOMETE's <c>/data-plane/{ns}/jupyter/{name}/</c>).</summary>
    public static string BaseUrl(JupyterContainer container) =>
        $"/data-plane/{container.Namespace}/jupyter/{container.Name}/";

    /// <summary>Label selector of the container's pods.</summary>
    public static string PodSelector(JupyterContainer container) =>
        $"{ManifestLabels.ResourceType}={ManifestLabels.Value(ManagedResourceType.Jupyter)},{ManifestLabels.ResourceId}={container.Id}";

    private async Task<JupyterDefinition> DefinitionAsync(JupyterContainer container, CancellationToken ct)
    {
        var nodeType = await nodeTypes.GetAsync("nodeType", container.NodeType, SparkRole.Driver, ct);
        var volume = await volumes.ResolveAsync(container.VolumeId, ct);
        // The configured image may name docker tag aliases; they resolve at each start, so an alias change reaches the next one.
        var image = await images.ResolveAsync(container.DomainId, options.Value.Image, ct);
        return new JupyterDefinition
        {
            Name = container.ObjectName,
            Namespace = container.Namespace,
            ResourceId = container.Id,
            Domain = container.DomainId,
            ExtraLabels = container.ResourceTags.ToDictionary(t => t.Key, t => t.Value, StringComparer.Ordinal),
            Image = image,
            NodeType = nodeType,
            EnvVars = container.Config.EnvVars,
            EnvSecrets = container.Config.EnvSecrets.Select(s => SecretObjects.ToEnvVar(s.Key, s.SecretObject)).ToList(),
            Arguments = container.Config.JupyterArgs,
            BaseUrl = BaseUrl(container),
            AllowOrigin = options.Value.AllowOrigin,
            Token = new SecretKeyReference(JupyterTokenSecret.NameFor(container.ObjectName), JupyterTokenSecret.Key),
            Volume = volume,
        };
    }
}
