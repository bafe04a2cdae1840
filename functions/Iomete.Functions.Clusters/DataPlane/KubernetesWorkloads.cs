using System.Net;
using System.Text.Json.Nodes;
using k8s;
using k8s.Autorest;
using k8s.Models;
using Microsoft.Extensions.Logging;

namespace Iomete.Functions.Clusters.DataPlane;

/// <summary><see cref="IKubernetesWorkloads"/> through KubernetesClient's apps/v1 and core/v1 typed APIs.</summary>
internal sealed partial class KubernetesWorkloads(IKubernetes client, ILogger<KubernetesWorkloads> logger) : IKubernetesWorkloads
{
    private static readonly HashSet<string> FailingReasons = new(StringComparer.Ordinal)
    {
        "CrashLoopBackOff", "ImagePullBackOff", "ErrImagePull", "InvalidImageName", "CreateContainerConfigError", "CreateContainerError",
    };

    public async Task ApplyDeploymentAsync(JsonObject deployment, CancellationToken ct)
    {
        var body = KubernetesJson.Deserialize<V1Deployment>(deployment.ToJsonString());
        var (ns, name) = Identity(body.Metadata);
        try
        {
            await client.AppsV1.CreateNamespacedDeploymentAsync(body, ns, cancellationToken: ct);
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.Conflict)
        {
            var current = await client.AppsV1.ReadNamespacedDeploymentAsync(name, ns, cancellationToken: ct);
            body.Metadata.ResourceVersion = current.Metadata.ResourceVersion;
            await client.AppsV1.ReplaceNamespacedDeploymentAsync(body, name, ns, cancellationToken: ct);
        }
    }

    public async Task ApplyServiceAsync(JsonObject service, CancellationToken ct)
    {
        var body = KubernetesJson.Deserialize<V1Service>(service.ToJsonString());
        var (ns, name) = Identity(body.Metadata);
        try
        {
            await client.CoreV1.CreateNamespacedServiceAsync(body, ns, cancellationToken: ct);
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.Conflict)
        {
            var current = await client.CoreV1.ReadNamespacedServiceAsync(name, ns, cancellationToken: ct);
            body.Metadata.ResourceVersion = current.Metadata.ResourceVersion;
            // The cluster IP is immutable: a replace must repeat what the server allocated.
            body.Spec.ClusterIP = current.Spec?.ClusterIP;
            body.Spec.ClusterIPs = current.Spec?.ClusterIPs;
            await client.CoreV1.ReplaceNamespacedServiceAsync(body, name, ns, cancellationToken: ct);
        }
    }

    public async Task ApplySecretAsync(JsonObject secret, CancellationToken ct)
    {
        var body = KubernetesJson.Deserialize<V1Secret>(secret.ToJsonString());
        var (ns, name) = Identity(body.Metadata);
        try
        {
            await client.CoreV1.CreateNamespacedSecretAsync(body, ns, cancellationToken: ct);
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.Conflict)
        {
            var current = await client.CoreV1.ReadNamespacedSecretAsync(name, ns, cancellationToken: ct);
            body.Metadata.ResourceVersion = current.Metadata.ResourceVersion;
            await client.CoreV1.ReplaceNamespacedSecretAsync(body, name, ns, cancellationToken: ct);
        }
    }

    public async Task<string?> ReadSecretValueAsync(string @namespace, string name, string key, CancellationToken ct)
    {
        try
        {
            var secret = await client.CoreV1.ReadNamespacedSecretAsync(name, @namespace, cancellationToken: ct);
            return secret.Data is { } data && data.TryGetValue(key, out var value) ? System.Text.Encoding.UTF8.GetString(value) : null;
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public Task DeleteSecretAsync(string @namespace, string name, CancellationToken ct) =>
        IgnoreMissing(() => client.CoreV1.DeleteNamespacedSecretAsync(name, @namespace, cancellationToken: ct));

    public Task DeleteDeploymentAsync(string @namespace, string name, CancellationToken ct) =>
        IgnoreMissing(() => client.AppsV1.DeleteNamespacedDeploymentAsync(name, @namespace, propagationPolicy: "Background", cancellationToken: ct));

    public Task DeleteServiceAsync(string @namespace, string name, CancellationToken ct) =>
        IgnoreMissing(() => client.CoreV1.DeleteNamespacedServiceAsync(name, @namespace, cancellationToken: ct));

    public async Task<DeploymentState?> GetDeploymentAsync(string @namespace, string name, CancellationToken ct)
    {
        try
        {
            return Read(await client.AppsV1.ReadNamespacedDeploymentAsync(name, @namespace, cancellationToken: ct));
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public async Task<string?> FindPodFailureAsync(string @namespace, string labelSelector, CancellationToken ct)
    {
        var pods = await client.CoreV1.ListNamespacedPodAsync(@namespace, labelSelector: labelSelector, cancellationToken: ct);
        foreach (var pod in pods.Items)
        {
            if (pod.Status?.Phase == "Failed")
            {
                return $"Pod {pod.Metadata.Name} failed: {pod.Status.Reason} {pod.Status.Message}".Trim();
            }
            foreach (var container in pod.Status?.ContainerStatuses ?? [])
            {
                if (container.State?.Waiting is { } waiting && FailingReasons.Contains(waiting.Reason ?? ""))
                {
                    var last = container.LastState?.Terminated is { } t ? $" (last exit {t.ExitCode}: {t.Reason})" : "";
                    return $"Container {container.Name} of pod {pod.Metadata.Name}: {waiting.Reason}{last} {waiting.Message}".Trim();
                }
            }
        }
        return null;
    }

    public async Task<IReadOnlyList<RunningPod>> ListRunningPodsAsync(string @namespace, string labelSelector, CancellationToken ct)
    {
        var pods = await client.CoreV1.ListNamespacedPodAsync(@namespace, labelSelector: labelSelector, cancellationToken: ct);
        return pods.Items
            .Where(p => p.Status?.Phase == "Running" && !string.IsNullOrEmpty(p.Status.PodIP))
            .Select(p => new RunningPod(@namespace, p.Metadata.Name, p.Status.PodIP,
                new Dictionary<string, string>(p.Metadata.Labels ?? new Dictionary<string, string>(), StringComparer.Ordinal)))
            .ToList();
    }

    internal static DeploymentState Read(V1Deployment deployment, bool deleted = false)
    {
        var conditions = deployment.Status?.Conditions ?? [];
        var failure = conditions.FirstOrDefault(c => c is { Type: "ReplicaFailure", Status: "True" })
            ?? conditions.FirstOrDefault(c => c is { Type: "Progressing", Status: "False" });
        return new DeploymentState(
            deployment.Metadata.NamespaceProperty,
            deployment.Metadata.Name,
            deployment.Spec?.Replicas ?? 1,
            deployment.Status?.ReadyReplicas ?? 0,
            failure is null ? null : $"{failure.Reason}: {failure.Message}",
            deployment.Metadata.ResourceVersion,
            deleted)
        {
            Labels = new Dictionary<string, string>(deployment.Metadata.Labels ?? new Dictionary<string, string>(), StringComparer.Ordinal),
        };
    }

    private static (string Namespace, string Name) Identity(V1ObjectMeta? metadata) =>
        (metadata?.NamespaceProperty ?? throw new ArgumentException("The object has no namespace"),
         metadata.Name ?? throw new ArgumentException("The object has no name"));

    private static async Task IgnoreMissing(Func<Task> delete)
    {
        try
        {
            await delete();
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
        {
        }
    }
}
