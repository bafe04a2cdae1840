using System.Text.Json;
using Dapr.Client;
using Iomete.Platform.Messaging;
using Microsoft.Extensions.Options;

namespace Iomete.Platform.Dapr;

/// <summary>
/// Publishes through the sidecar's pub/sub API. The payload is JSON in the platform's conventions
/// (<see cref="CloudEvents.DataOptions"/>), so the sidecar wraps it in a CloudEvent with <c>datacontenttype: application/json</c>
/// and subscribers read it back with <see cref="CloudEvents.ReadDataAsync{T}"/>.
/// </summary>
internal sealed class DaprEventBus(DaprClient client, IOptions<DaprOptions> options) : IEventBus
{
    public Task PublishAsync<T>(string topic, T payload, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(topic);
        var data = JsonSerializer.SerializeToUtf8Bytes(payload, CloudEvents.DataOptions);
        return client.PublishByteEventAsync(options.Value.PubSubName, topic, data, "application/json", cancellationToken: ct);
    }
}
