using System.Collections.Concurrent;
using Iomete.Platform.Messaging;

namespace Iomete.Functions.Clusters.Tests.Compute;

/// <summary>The host's event bus, with every publication also kept for the test to read.</summary>
internal sealed class RecordingEventBus(IEventBus inner, ConcurrentQueue<(string Topic, object? Payload)> published) : IEventBus
{

    public async Task PublishAsync<T>(string topic, T payload, CancellationToken ct)
    {
        published.Enqueue((topic, payload));
        await inner.PublishAsync(topic, payload, ct);
    }
}
