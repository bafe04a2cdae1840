using System.Net;
using System.Text.Json.Nodes;
using Iomete.Functions.Clusters.DataPlane;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace Iomete.Functions.Clusters.Compute;

/// <summary>The core/v1 Service in front of a compute cluster's driver (<see cref="Kubernetes.DriverServiceBuilder"/>).</summary>
public interface IComputeEndpoints
{
    /// <summary>Creates it; an existing one is left as it is.</summary>
    Task CreateAsync(JsonObject service, CancellationToken ct);

    /// <summary>Deletes it; a missing one is not an error.</summary>
    Task DeleteAsync(string @namespace, string name, CancellationToken ct);
}

internal sealed class KubernetesComputeEndpoints(IKubernetes client) : IComputeEndpoints
{
    public async Task CreateAsync(JsonObject service, CancellationToken ct)
    {
        var body = KubernetesJson.Deserialize<V1Service>(service.ToJsonString());
        try
        {
            await client.CoreV1.CreateNamespacedServiceAsync(body, body.Metadata.NamespaceProperty, cancellationToken: ct);
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.Conflict)
        {
        }
    }

    public async Task DeleteAsync(string @namespace, string name, CancellationToken ct)
    {
        try
        {
            await client.CoreV1.DeleteNamespacedServiceAsync(name, @namespace, cancellationToken: ct);
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
        {
        }
    }
}

internal sealed class UnconfiguredComputeEndpoints : IComputeEndpoints
{
    public Task CreateAsync(JsonObject service, CancellationToken ct) => throw new DataPlaneNotConfiguredException();

    public Task DeleteAsync(string @namespace, string name, CancellationToken ct) => throw new DataPlaneNotConfiguredException();
}
