namespace Iomete.Platform.Messaging;

/// <summary>Publishes events to topics (Dapr pub/sub in a cluster, in-process locally).</summary>
public interface IEventBus
{
    Task PublishAsync<T>(string topic, T payload, CancellationToken ct);
}

/// <summary>Key/value state with optimistic concurrency (Dapr state store in a cluster).</summary>
public interface IStateStore
{
    Task<StateEntry<T>?> GetAsync<T>(string key, CancellationToken ct);

    /// <summary>Saves a value; with an ETag, only when it still matches. Returns false on a lost race.</summary>
    Task<bool> TrySaveAsync<T>(string key, T value, string? etag, CancellationToken ct);

    Task DeleteAsync(string key, CancellationToken ct);
}

public sealed record StateEntry<T>(T Value, string ETag);

/// <summary>Calls another service's HTTP function by app id (Dapr service invocation in a cluster).</summary>
public interface IServiceInvoker
{
    Task<HttpResponseMessage> InvokeAsync(string appId, HttpRequestMessage request, CancellationToken ct);
}
