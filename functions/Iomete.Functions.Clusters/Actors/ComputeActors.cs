using Iomete.Functions.Clusters.Compute;
using Iomete.Functions.Clusters.DataPlane;

namespace Iomete.Functions.Clusters.Actors;

/// <summary>
/// The in-process actor runtime of compute lifecycles: <see cref="Get"/> is the actor proxy; each call runs in the
/// cluster's turn (<see cref="ActorTurns"/>), and reminders come from <see cref="ReminderPump"/>.
/// </summary>
public sealed class ComputeActors : IReminderTarget
{
    public const string ActorType = "ComputeLifecycle";
    private readonly ActorTurns turns;
    private readonly ComputeActorServices services;

    internal ComputeActors(ActorTurns turns, ComputeActorServices services)
    {
        this.turns = turns;
        this.services = services;
    }

    string IReminderTarget.ActorType => ActorType;

    public IComputeLifecycle Get(string clusterId) => new Proxy(clusterId, turns, new ComputeLifecycleActor(clusterId, services));

    public Task ReceiveReminderAsync(string actorId, string name, CancellationToken ct) => Get(actorId).ReceiveReminderAsync(name, ct);

    public void Forget(string clusterId) => turns.Forget(ActorType, clusterId);

    private sealed class Proxy(string id, ActorTurns turns, IComputeLifecycle actor) : IComputeLifecycle
    {
        public Task<ComputeCluster> StartAsync(string userId, CancellationToken ct) => turns.RunAsync(ActorType, id, () => actor.StartAsync(userId, ct), ct);

        public Task<ComputeCluster> TerminateAsync(string userId, CancellationToken ct) => turns.RunAsync(ActorType, id, () => actor.TerminateAsync(userId, ct), ct);

        public Task<ComputeCluster> RestartAsync(string userId, CancellationToken ct) => turns.RunAsync(ActorType, id, () => actor.RestartAsync(userId, ct), ct);

        public Task<ComputeCluster> ConfigureAsync(ComputeCluster next, long expectedVersion, string userId, CancellationToken ct) =>
            turns.RunAsync(ActorType, id, () => actor.ConfigureAsync(next, expectedVersion, userId, ct), ct);

        public Task ObserveAsync(SparkApplicationStatus status, CancellationToken ct) => turns.RunAsync(ActorType, id, () => actor.ObserveAsync(status, ct), ct);

        public Task TouchAsync(CancellationToken ct) => turns.RunAsync(ActorType, id, () => actor.TouchAsync(ct), ct);

        public Task DeactivateAsync(CancellationToken ct) => turns.RunAsync(ActorType, id, () => actor.DeactivateAsync(ct), ct);

        public Task ReceiveReminderAsync(string name, CancellationToken ct) => turns.RunAsync(ActorType, id, () => actor.ReceiveReminderAsync(name, ct), ct);
    }
}
