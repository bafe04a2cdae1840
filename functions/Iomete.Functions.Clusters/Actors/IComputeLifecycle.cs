using Iomete.Functions.Clusters.Compute;
using Iomete.Functions.Clusters.DataPlane;

namespace Iomete.Functions.Clusters.Actors;

/// <summary>
/// The lifecycle actor of one compute cluster (actor id = cluster id): every state transition of the cluster goes
/// through it, one at a time. Obtain one with <see cref="ComputeActors.Get"/>.
/// </summary>
public interface IComputeLifecycle
{
    /// <summary>A user's start (STOPPED only); submits the application. 409 in another state or without a data plane.</summary>
    Task<ComputeCluster> StartAsync(string userId, CancellationToken ct);

    /// <summary>A user's terminate (STARTING, ACTIVE, FAILED); deletes the application.</summary>
    Task<ComputeCluster> TerminateAsync(string userId, CancellationToken ct);

    /// <summary>Terminate then start (STARTING, ACTIVE, FAILED).</summary>
    Task<ComputeCluster> RestartAsync(string userId, CancellationToken ct);

    /// <summary>Saves a new definition (STOPPED or FAILED only; compare-and-swap on <paramref name="expectedVersion"/>).</summary>
    Task<ComputeCluster> ConfigureAsync(ComputeCluster next, long expectedVersion, string userId, CancellationToken ct);

    /// <summary>A status of the cluster's SparkApplication as the watcher saw it.</summary>
    Task ObserveAsync(SparkApplicationStatus status, CancellationToken ct);

    /// <summary>Someone uses the cluster (a SQL endpoint lookup): the idle timer starts again.</summary>
    Task TouchAsync(CancellationToken ct);

    /// <summary>Removes what runs on the data plane and the actor's reminders, before the cluster is deleted.</summary>
    Task DeactivateAsync(CancellationToken ct);

    Task ReceiveReminderAsync(string name, CancellationToken ct);
}
