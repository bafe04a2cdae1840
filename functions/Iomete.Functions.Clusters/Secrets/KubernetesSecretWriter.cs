using System.Net;
using Iomete.Functions.Clusters.DataPlane;
using Iomete.Platform.Errors;
using k8s;
using k8s.Autorest;
using k8s.Models;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Iomete.Functions.Clusters.Secrets;

/// <summary>
/// Writes core/v1 Secrets to the data plane (create, or replace when one exists). Without a data plane there is nothing
/// to write to: secrets and registries then live in the control plane's database only, and are written out by their
/// next change once a data plane is configured.
/// </summary>
public sealed class KubernetesSecretWriter(IServiceProvider services, IOptions<DataPlaneOptions> dataPlane)
{
    public bool Configured => dataPlane.Value.Configured;

    /// <summary>Creates the Secret, or replaces the whole object when it exists; a refusal of the API server is a 502.</summary>
    public async Task UpsertAsync(V1Secret secret, CancellationToken ct)
    {
        var client = services.GetRequiredService<IKubernetes>();
        var ns = secret.Metadata.NamespaceProperty;
        try
        {
            try
            {
                await client.CoreV1.CreateNamespacedSecretAsync(secret, ns, cancellationToken: ct);
            }
            catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.Conflict)
            {
                await client.CoreV1.ReplaceNamespacedSecretAsync(secret, secret.Metadata.Name, ns, cancellationToken: ct);
            }
        }
        catch (HttpOperationException e)
        {
            throw Failed($"writing Secret {ns}/{secret.Metadata.Name}", $"{(int)e.Response.StatusCode} {e.Response.Content}");
        }
        catch (HttpRequestException e)
        {
            throw Failed($"writing Secret {ns}/{secret.Metadata.Name}", e.Message);
        }
    }

    /// <summary>Deletes the Secret; one that is already gone is fine.</summary>
    public async Task DeleteAsync(string @namespace, string name, CancellationToken ct)
    {
        var client = services.GetRequiredService<IKubernetes>();
        try
        {
            await client.CoreV1.DeleteNamespacedSecretAsync(name, @namespace, cancellationToken: ct);
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
        {
        }
        catch (HttpOperationException e)
        {
            throw Failed($"deleting Secret {@namespace}/{name}", $"{(int)e.Response.StatusCode} {e.Response.Content}");
        }
        catch (HttpRequestException e)
        {
            throw Failed($"deleting Secret {@namespace}/{name}", e.Message);
        }
    }

    private static ApiException Failed(string what, string why) =>
        new(502, ErrorCodes.BadGateway, "Data plane error",
            $"The change was saved, but {what} on the Kubernetes API server failed ({why}); it is written again with the next change.");
}
