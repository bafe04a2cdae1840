using System.Text;
using System.Text.Json.Nodes;
using Iomete.Functions.Clusters.Kubernetes;
using Iomete.Functions.Clusters.Secrets;
using k8s.Models;

namespace Iomete.Functions.Clusters.Registries;

/// <summary>
/// The <c>kubernetes.io/dockerconfigjson</c> Secret of a registry in its namespace, which pods name in
/// <c>imagePullSecrets</c>. Written after every create and update, deleted with the registry; without a data plane
/// there is no namespace to write into.
/// </summary>
public sealed class PullSecrets(RegistryStore store, KubernetesSecretWriter writer)
{
    public const string ResourceTypeLabel = "docker-registry";
    public const string DockerConfigKey = ".dockerconfigjson";

    public async Task WriteAsync(string name, CancellationToken ct)
    {
        if (!writer.Configured || await store.CredentialsAsync(name, ct) is not { } registry)
        {
            return;
        }
        await writer.UpsertAsync(Build(registry), ct);
    }

    public async Task DeleteAsync(RegistryView registry, CancellationToken ct)
    {
        if (writer.Configured)
        {
            await writer.DeleteAsync(registry.Namespace, registry.PullSecretName, ct);
        }
    }

    public static V1Secret Build(RegistryCredentials registry)
    {
        var auth = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{registry.Username}:{registry.Password}"));
        var config = new JsonObject
        {
            ["auths"] = new JsonObject
            {
                [registry.Host] = new JsonObject { ["username"] = registry.Username, ["password"] = registry.Password, ["auth"] = auth },
            },
        };
        return new V1Secret
        {
            ApiVersion = "v1",
            Kind = "Secret",
            Metadata = new V1ObjectMeta
            {
                Name = RegistryRules.PullSecretName(registry.Name),
                NamespaceProperty = registry.Namespace,
                Labels = new Dictionary<string, string>(StringComparer.Ordinal)
                {
                    [ManifestLabels.Managed] = "true",
                    [ManifestLabels.ResourceType] = ResourceTypeLabel,
                    [ManifestLabels.ResourceId] = registry.Name,
                },
            },
            Type = "kubernetes.io/dockerconfigjson",
            Data = new Dictionary<string, byte[]> { [DockerConfigKey] = Encoding.UTF8.GetBytes(config.ToJsonString()) },
        };
    }
}
