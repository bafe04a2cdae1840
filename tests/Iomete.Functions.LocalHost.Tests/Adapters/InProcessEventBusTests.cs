using System.Collections.Concurrent;
using Iomete.Functions.LocalHost.Adapters;

namespace Iomete.Functions.LocalHost.Tests.Adapters;

public sealed class InProcessEventBusTests
{
    [Fact]
    public async Task PublishedEvents_ReachEverySubscriberOfTheTopic_InOrder()
    {
        var bus = new InProcessEventBus();
        var first = new ConcurrentQueue<object?>();
        var second = new ConcurrentQueue<object?>();
        var other = new ConcurrentQueue<object?>();
        bus.Subscribe("users", (e, _) => { first.Enqueue(e); return Task.CompletedTask; });
        bus.Subscribe("users", (e, _) => { second.Enqueue(e); return Task.CompletedTask; });
        bus.Subscribe("groups", (e, _) => { other.Enqueue(e); return Task.CompletedTask; });
        using var stop = new CancellationTokenSource();
        var pump = bus.PumpAsync(stop.Token);

        for (var i = 0; i < 5; i++)
        {
            await bus.PublishAsync("users", i, CancellationToken.None);
        }
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while ((first.Count < 5 || second.Count < 5) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(10);
        }
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => pump);

        Assert.Equal([0, 1, 2, 3, 4], first.Cast<int>());
        Assert.Equal([0, 1, 2, 3, 4], second.Cast<int>());
        Assert.Empty(other);
    }
}
