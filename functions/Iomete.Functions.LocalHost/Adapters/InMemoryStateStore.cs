using System.Collections.Concurrent;
using System.Text.Json;
using Iomete.Platform.Http;
using Iomete.Platform.Messaging;

namespace Iomete.Functions.LocalHost.Adapters;

/// <summary>Dapr state store semantics in memory: values as JSON, first-write-wins ETags.</summary>
internal sealed class InMemoryStateStore : IStateStore
{
    private readonly ConcurrentDictionary<string, (byte[] Json, long Version)> _entries = new();

    public Task<StateEntry<T>?> GetAsync<T>(string key, CancellationToken ct)
    {
        if (!_entries.TryGetValue(key, out var entry))
        {
            return Task.FromResult<StateEntry<T>?>(null);
        }
        var value = JsonSerializer.Deserialize<T>(entry.Json, Json.Options)!;
        return Task.FromResult<StateEntry<T>?>(new StateEntry<T>(value, entry.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    public Task<bool> TrySaveAsync<T>(string key, T value, string? etag, CancellationToken ct)
    {
        var json = JsonSerializer.SerializeToUtf8Bytes(value, Json.Options);
        if (etag is null)
        {
            _entries.AddOrUpdate(key, _ => (json, 1), (_, old) => (json, old.Version + 1));
            return Task.FromResult(true);
        }
        if (!long.TryParse(etag, System.Globalization.CultureInfo.InvariantCulture, out var expected) ||
            !_entries.TryGetValue(key, out var current) || current.Version != expected)
        {
            return Task.FromResult(false);
        }
        return Task.FromResult(_entries.TryUpdate(key, (json, expected + 1), current));
    }

    public Task DeleteAsync(string key, CancellationToken ct)
    {
        _entries.TryRemove(key, out _);
        return Task.CompletedTask;
    }
}
