using Iomete.Functions.LocalHost.Adapters;

namespace Iomete.Functions.LocalHost.Tests.Adapters;

public sealed class InMemoryStateStoreTests
{
    private sealed record Counter(int Value);

    [Fact]
    public async Task SaveWithETag_SucceedsOnce_AndTheStaleWriterLoses()
    {
        var store = new InMemoryStateStore();
        Assert.True(await store.TrySaveAsync("k", new Counter(1), etag: null, CancellationToken.None));
        var first = await store.GetAsync<Counter>("k", CancellationToken.None);
        var second = await store.GetAsync<Counter>("k", CancellationToken.None);

        Assert.True(await store.TrySaveAsync("k", new Counter(2), first!.ETag, CancellationToken.None));
        Assert.False(await store.TrySaveAsync("k", new Counter(3), second!.ETag, CancellationToken.None));
        Assert.Equal(2, (await store.GetAsync<Counter>("k", CancellationToken.None))!.Value.Value);
    }

    [Fact]
    public async Task SaveWithETag_ForAMissingKey_Fails_AndDeleteRemoves()
    {
        var store = new InMemoryStateStore();
        Assert.False(await store.TrySaveAsync("missing", new Counter(1), "1", CancellationToken.None));
        await store.TrySaveAsync("k", new Counter(1), null, CancellationToken.None);
        await store.DeleteAsync("k", CancellationToken.None);
        Assert.Null(await store.GetAsync<Counter>("k", CancellationToken.None));
    }

    [Fact]
    public async Task RacingWriters_WithTheSameETag_ExactlyOneWins()
    {
        var store = new InMemoryStateStore();
        await store.TrySaveAsync("k", new Counter(0), null, CancellationToken.None);
        var etag = (await store.GetAsync<Counter>("k", CancellationToken.None))!.ETag;
        var results = await Task.WhenAll(Enumerable.Range(1, 16).Select(i => Task.Run(() => store.TrySaveAsync("k", new Counter(i), etag, CancellationToken.None))));
        Assert.Equal(1, results.Count(r => r));
    }
}
