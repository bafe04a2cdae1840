using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;

namespace Iomete.Functions.Clusters.DataPlane;

/// <summary>Workloads without a data plane: every call says what to configure (409).</summary>
internal sealed class UnconfiguredWorkloads : IKubernetesWorkloads
{
    public Task ApplyDeploymentAsync(JsonObject deployment, CancellationToken ct) => throw new DataPlaneNotConfiguredException();

    public Task ApplyServiceAsync(JsonObject service, CancellationToken ct) => throw new DataPlaneNotConfiguredException();

    public Task DeleteDeploymentAsync(string @namespace, string name, CancellationToken ct) => throw new DataPlaneNotConfiguredException();

    public Task DeleteServiceAsync(string @namespace, string name, CancellationToken ct) => throw new DataPlaneNotConfiguredException();

    public Task ApplySecretAsync(JsonObject secret, CancellationToken ct) => throw new DataPlaneNotConfiguredException();

    public Task<string?> ReadSecretValueAsync(string @namespace, string name, string key, CancellationToken ct) => throw new DataPlaneNotConfiguredException();

    public Task DeleteSecretAsync(string @namespace, string name, CancellationToken ct) => throw new DataPlaneNotConfiguredException();

    public Task<DeploymentState?> GetDeploymentAsync(string @namespace, string name, CancellationToken ct) => throw new DataPlaneNotConfiguredException();

    public Task<string?> FindPodFailureAsync(string @namespace, string labelSelector, CancellationToken ct) => throw new DataPlaneNotConfiguredException();

    public Task<IReadOnlyList<RunningPod>> ListRunningPodsAsync(string @namespace, string labelSelector, CancellationToken ct) =>
        throw new DataPlaneNotConfiguredException();

    public async IAsyncEnumerable<DeploymentState> WatchDeploymentsAsync(string @namespace, string labelSelector, [EnumeratorCancellation] CancellationToken ct)
    {
        await Task.Yield();
        throw new DataPlaneNotConfiguredException();
#pragma warning disable CS0162 // an iterator needs a yield to be one
        yield break;
#pragma warning restore CS0162
    }
}
