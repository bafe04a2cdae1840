using System.Text.Json.Nodes;

namespace Iomete.Functions.Clusters.DataPlane;

/// <summary>
/// What the data plane says about one Deployment. <see cref="FailureMessage"/> is set when Kubernetes gave up on it
/// (a <c>ReplicaFailure</c> condition, or <c>Progressing=False</c> after the progress deadline).
/// </summary>
public sealed record DeploymentState(
    string Namespace,
    string Name,
    int Replicas,
    int ReadyReplicas,
    string? FailureMessage,
    string? ResourceVersion,
    bool Deleted = false)
{
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    /// <summary>Every wanted replica is ready.</summary>
    public bool Ready => !Deleted && Replicas > 0 && ReadyReplicas >= Replicas;

    public bool Failed => FailureMessage is not null;
}

/// <summary>A running pod and its address.</summary>
public sealed record RunningPod(string Namespace, string Name, string Ip, IReadOnlyDictionary<string, string> Labels);

/// <summary>Long-running workloads on the data plane (Jupyter containers, the Spark History Server): Deployments and Services.</summary>
public interface IKubernetesWorkloads
{
    /// <summary>Creates the apps/v1 Deployment, or replaces the one of the same name (apply semantics).</summary>
    Task ApplyDeploymentAsync(JsonObject deployment, CancellationToken ct);

    /// <summary>Creates the core/v1 Service, or replaces the one of the same name (keeping its cluster IP).</summary>
    Task ApplyServiceAsync(JsonObject service, CancellationToken ct);

    /// <summary>Deletes the Deployment (its pods go with it); a missing one is not an error.</summary>
    Task DeleteDeploymentAsync(string @namespace, string name, CancellationToken ct);

    /// <summary>Deletes the Service; a missing one is not an error.</summary>
    Task DeleteServiceAsync(string @namespace, string name, CancellationToken ct);

    /// <summary>Creates the core/v1 Secret, or replaces the one of the same name.</summary>
    Task ApplySecretAsync(JsonObject secret, CancellationToken ct);

    /// <summary>One value of a Secret, or null when the Secret or the key does not exist.</summary>
    Task<string?> ReadSecretValueAsync(string @namespace, string name, string key, CancellationToken ct);

    /// <summary>Deletes the Secret; a missing one is not an error.</summary>
    Task DeleteSecretAsync(string @namespace, string name, CancellationToken ct);

    /// <summary>The Deployment's readiness, or null when it does not exist.</summary>
    Task<DeploymentState?> GetDeploymentAsync(string @namespace, string name, CancellationToken ct);

    /// <summary>
    /// Why a pod matching <paramref name="labelSelector"/> cannot run (a container in <c>CrashLoopBackOff</c>, an image
    /// that cannot be pulled, a failed pod), or null when none is failing. A crash loop never changes the Deployment.
    /// </summary>
    Task<string?> FindPodFailureAsync(string @namespace, string labelSelector, CancellationToken ct);

    /// <summary>The running pods matching <paramref name="labelSelector"/> that have an IP (e.g. a live Spark driver).</summary>
    Task<IReadOnlyList<RunningPod>> ListRunningPodsAsync(string @namespace, string labelSelector, CancellationToken ct);

    /// <summary>
    /// Changes of the Deployments matching <paramref name="labelSelector"/>: first the current ones, then every change,
    /// until cancelled. A dropped watch resumes from the last version seen, or re-lists when that version expired.
    /// </summary>
    IAsyncEnumerable<DeploymentState> WatchDeploymentsAsync(string @namespace, string labelSelector, CancellationToken ct);
}
