using System.Collections.Concurrent;
using System.Text;
using Iomete.Functions.Clusters.Common;
using Iomete.Functions.Clusters.Kubernetes;
using k8s.Models;
using Microsoft.Extensions.Options;

namespace Iomete.Functions.Clusters.Secrets;

/// <summary>
/// Keeps the data plane's secret stores equal to the database: after every change of a scope, the Secret
/// <see cref="SecretObjects.StoreName"/> (<c>iomete-secret-store-{domain}</c>, or <c>iomete-secret-store</c> for the
/// global scope) is rewritten whole in every allowed namespace, so Spark pods read values through <c>secretKeyRef</c>
/// and a lost write heals with the next change. Without a data plane there is nothing to mirror to.
/// </summary>
public sealed class SecretMirror(SecretStore store, KubernetesSecretWriter writer, IOptions<ClustersOptions> options)
{
    public const string ResourceTypeLabel = "secret-store";

    // One rewrite per scope at a time in this process, so an older snapshot never overwrites a newer one here.
    private readonly ConcurrentDictionary<string, SemaphoreSlim> gates = new(StringComparer.Ordinal);

    public async Task SyncAsync(string scope, CancellationToken ct)
    {
        if (!writer.Configured)
        {
            return;
        }
        var gate = gates.GetOrAdd(scope, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        try
        {
            var values = await store.ValuesAsync(scope, ct);
            foreach (var ns in options.Value.AllowedNamespaces)
            {
                await writer.UpsertAsync(Build(scope, ns, values), ct);
            }
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>The Secret object of a scope in one namespace (values base64 in <c>data</c>, as core/v1 requires).</summary>
    public static V1Secret Build(string scope, string @namespace, IReadOnlyDictionary<string, string> values)
    {
        var domain = scope == SecretStore.GlobalScope ? null : scope;
        var labels = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [ManifestLabels.Managed] = "true",
            [ManifestLabels.ResourceType] = ResourceTypeLabel,
        };
        if (domain is not null)
        {
            labels[ManifestLabels.Domain] = domain;
        }
        return new V1Secret
        {
            ApiVersion = "v1",
            Kind = "Secret",
            Metadata = new V1ObjectMeta { Name = SecretObjects.StoreName(domain), NamespaceProperty = @namespace, Labels = labels },
            Type = "Opaque",
            Data = values.ToDictionary(p => p.Key, p => Encoding.UTF8.GetBytes(p.Value), StringComparer.Ordinal),
        };
    }
}
