using System.Collections.Concurrent;

namespace Iomete.Functions.Clusters.Actors;

/// <summary>
/// The turn-based concurrency of virtual actors in one process: calls to the same actor (type and id) run one at a
/// time in arrival order; calls to different actors run in parallel. A turn is not reentrant.
/// </summary>
public sealed class ActorTurns
{
    private readonly ConcurrentDictionary<(string Type, string Id), SemaphoreSlim> gates = new();

    public async Task<T> RunAsync<T>(string actorType, string actorId, Func<Task<T>> turn, CancellationToken ct)
    {
        var gate = gates.GetOrAdd((actorType, actorId), _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        try
        {
            return await turn();
        }
        finally
        {
            gate.Release();
        }
    }

    public async Task RunAsync(string actorType, string actorId, Func<Task> turn, CancellationToken ct) =>
        await RunAsync(actorType, actorId, async () =>
        {
            await turn();
            return true;
        }, ct);

    /// <summary>Drops the gate of an actor that will not be called again (its resource was deleted).</summary>
    public void Forget(string actorType, string actorId) => gates.TryRemove((actorType, actorId), out _);
}
