using System.Text.Json;
using Dapr.Client;
using Iomete.Platform.Messaging;
using Microsoft.Extensions.Options;

namespace Iomete.Platform.Dapr;

/// <summary>
/// <see cref="IStateStore"/> on a Dapr state store, with the in-process store's semantics: values are JSON in the
/// platform's conventions; a save without an ETag always wins; a save with an ETag is a first-write-wins
/// compare-and-swap that returns false when the ETag no longer matches (the sidecar answers <c>Aborted</c>).
/// Reads are strongly consistent so a read-modify-write starts from the latest ETag.
/// </summary>
internal sealed class DaprStateStore(DaprClient client, IOptions<DaprOptions> options) : IStateStore
{
    private static readonly StateOptions Unconditional = new() { Concurrency = ConcurrencyMode.LastWrite, Consistency = ConsistencyMode.Strong };
    private static readonly StateOptions CompareAndSwap = new() { Concurrency = ConcurrencyMode.FirstWrite, Consistency = ConsistencyMode.Strong };

    private string Store => options.Value.StateStoreName;

    public async Task<StateEntry<T>?> GetAsync<T>(string key, CancellationToken ct)
    {
        var (data, etag) = await client.GetByteStateAndETagAsync(Store, key, ConsistencyMode.Strong, cancellationToken: ct);
        // Dapr answers a missing key with empty data, not an error.
        if (data.IsEmpty)
        {
            return null;
        }
        var value = JsonSerializer.Deserialize<T>(data.Span, CloudEvents.DataOptions)!;
        return new StateEntry<T>(value, etag ?? string.Empty);
    }

    public async Task<bool> TrySaveAsync<T>(string key, T value, string? etag, CancellationToken ct)
    {
        var data = JsonSerializer.SerializeToUtf8Bytes(value, CloudEvents.DataOptions);
        if (etag is null)
        {
            await client.SaveByteStateAsync(Store, key, data, Unconditional, cancellationToken: ct);
            return true;
        }
        return await client.TrySaveByteStateAsync(Store, key, data, etag, CompareAndSwap, cancellationToken: ct);
    }

    public Task DeleteAsync(string key, CancellationToken ct) =>
        client.DeleteStateAsync(Store, key, Unconditional, cancellationToken: ct);
}
