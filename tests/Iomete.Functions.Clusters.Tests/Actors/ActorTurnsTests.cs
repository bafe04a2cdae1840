using Iomete.Functions.Clusters.Actors;

namespace Iomete.Functions.Clusters.Tests.Actors;

public sealed class ActorTurnsTests
{
    [Fact]
    public async Task CallsToOneActor_RunOneAtATime_InArrivalOrder()
    {
        var turns = new ActorTurns();
        var inside = 0;
        var maxInside = 0;
        var order = new List<int>();
        var calls = Enumerable.Range(0, 20).Select(i => turns.RunAsync("T", "a", async () =>
        {
            var now = Interlocked.Increment(ref inside);
            lock (order)
            {
                maxInside = Math.Max(maxInside, now);
                order.Add(i);
            }
            await Task.Delay(5);
            Interlocked.Decrement(ref inside);
        }, CancellationToken.None)).ToList();
        await Task.WhenAll(calls);
        Assert.Equal(1, maxInside);
        Assert.Equal(Enumerable.Range(0, 20), order);
    }

    [Fact]
    public async Task CallsToDifferentActors_RunInParallel()
    {
        var turns = new ActorTurns();
        var both = new TaskCompletionSource();
        var arrived = 0;
        async Task<bool> Turn()
        {
            if (Interlocked.Increment(ref arrived) == 2)
            {
                both.TrySetResult();
            }
            // Each turn waits for the other: only parallel turns finish.
            await both.Task.WaitAsync(TimeSpan.FromSeconds(5));
            return true;
        }
        var results = await Task.WhenAll(turns.RunAsync("T", "a", Turn, CancellationToken.None), turns.RunAsync("T", "b", Turn, CancellationToken.None));
        Assert.All(results, Assert.True);
    }
}
