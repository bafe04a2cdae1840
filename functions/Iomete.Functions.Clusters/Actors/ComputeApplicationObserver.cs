using Iomete.Functions.Clusters.DataPlane;
using Iomete.Functions.Clusters.Kubernetes;

namespace Iomete.Functions.Clusters.Actors;

/// <summary>Hands every status of a compute cluster's SparkApplication to the cluster's lifecycle actor.</summary>
internal sealed class ComputeApplicationObserver(ComputeActors actors) : ISparkApplicationObserver
{
    public ManagedResourceType ResourceType => ManagedResourceType.Compute;

    public Task OnStatusAsync(SparkApplicationStatus status, CancellationToken ct) =>
        status.Labels.TryGetValue(ManifestLabels.ResourceId, out var clusterId)
            ? actors.Get(clusterId).ObserveAsync(status, ct)
            : Task.CompletedTask;
}
