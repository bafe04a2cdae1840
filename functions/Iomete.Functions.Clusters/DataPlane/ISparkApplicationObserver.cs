using Iomete.Functions.Clusters.Kubernetes;

namespace Iomete.Functions.Clusters.DataPlane;

/// <summary>
/// Reacts to status changes of the SparkApplications of one resource type (compute clusters, job runs), as
/// <see cref="SparkApplicationWatcher"/> sees them. Called at least once per change, in order per application; a
/// handler must be idempotent (the watch re-lists after a reconnect).
/// </summary>
public interface ISparkApplicationObserver
{
    ManagedResourceType ResourceType { get; }

    Task OnStatusAsync(SparkApplicationStatus status, CancellationToken ct);
}
