using Iomete.Platform.Storage;

namespace Iomete.Functions.EventStreams.Tests.Ingest;

/// <summary>An object store whose writes wait until the test opens the gate (a store that has become slow).</summary>
internal sealed class SlowObjectStore(IObjectStore inner) : IObjectStore
{
    private readonly TaskCompletionSource gate = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int WaitingPuts;

    public void Open() => gate.TrySetResult();

    public string RootUri => inner.RootUri;

    public bool SupportsConditionalPut => inner.SupportsConditionalPut;

    public async Task<ObjectInfo> PutAsync(string key, Stream content, PutOptions? options, CancellationToken ct)
    {
        Interlocked.Increment(ref WaitingPuts);
        await gate.Task.WaitAsync(ct);
        Interlocked.Decrement(ref WaitingPuts);
        return await inner.PutAsync(key, content, options, ct);
    }

    public Task<Stream> OpenReadAsync(string key, ByteRange? range, CancellationToken ct) => inner.OpenReadAsync(key, range, ct);

    public Task<ObjectInfo?> HeadAsync(string key, CancellationToken ct) => inner.HeadAsync(key, ct);

    public Task<ObjectListing> ListAsync(string prefix, string? delimiter, string? continuationToken, int maxKeys, CancellationToken ct) =>
        inner.ListAsync(prefix, delimiter, continuationToken, maxKeys, ct);

    public Task DeleteAsync(string key, CancellationToken ct) => inner.DeleteAsync(key, ct);
}
