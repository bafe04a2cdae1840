using System.Threading.Channels;
using Iomete.Platform.Messaging;

namespace Iomete.Functions.LocalHost.Adapters;

/// <summary>
/// Pub/sub in one process: published events are queued and handed to the subscribers of the
/// topic in order, at least once, as Dapr would post them to subscription routes.
/// </summary>
internal sealed class InProcessEventBus : IEventBus
{
    private readonly Channel<(string Topic, object? Payload)> _queue = Channel.CreateUnbounded<(string, object?)>();
    private readonly Dictionary<string, List<Func<object?, CancellationToken, Task>>> _subscribers = [];
    private readonly Lock _gate = new();

    public Task PublishAsync<T>(string topic, T payload, CancellationToken ct) =>
        _queue.Writer.WriteAsync((topic, payload), ct).AsTask();

    public void Subscribe(string topic, Func<object?, CancellationToken, Task> handler)
    {
        lock (_gate)
        {
            if (!_subscribers.TryGetValue(topic, out var list))
            {
                _subscribers[topic] = list = [];
            }
            list.Add(handler);
        }
    }

    /// <summary>Delivers queued events until stopped; run by <see cref="EventBusPump"/>.</summary>
    public async Task PumpAsync(CancellationToken ct)
    {
        await foreach (var (topic, payload) in _queue.Reader.ReadAllAsync(ct))
        {
            Func<object?, CancellationToken, Task>[] handlers;
            lock (_gate)
            {
                handlers = _subscribers.TryGetValue(topic, out var list) ? [.. list] : [];
            }
            foreach (var handler in handlers)
            {
                await handler(payload, ct);
            }
        }
    }
}

internal sealed class EventBusPump(InProcessEventBus bus, Hosting.LocalSubscriptions subscriptions) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Subscribed before the first delivery, so no event published at start-up misses a subscription function.
        subscriptions.AttachTo(bus);
        return bus.PumpAsync(stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
    }
}
