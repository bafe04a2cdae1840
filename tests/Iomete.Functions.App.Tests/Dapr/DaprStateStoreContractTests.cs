using Dapr.Client.Autogen.Grpc.v1;
using Iomete.Platform.Dapr;

namespace Iomete.Functions.App.Tests.Dapr;

public sealed class DaprStateStoreContractTests : IAsyncLifetime
{
    private FakeDaprSidecar _sidecar = null!;
    private DaprStateStore _store = null!;

    private sealed record Submission(string Namespace, string Name);

    public async Task InitializeAsync()
    {
        _sidecar = await FakeDaprSidecar.StartAsync();
        _store = new DaprStateStore(_sidecar.Client, FakeDaprSidecar.Options);
    }

    public async Task DisposeAsync() => await _sidecar.DisposeAsync();

    [Fact]
    public async Task DaprStateStore_ContractTest_AMissingKey_ReadsAsNull_WithAStrongRead()
    {
        Assert.Null(await _store.GetAsync<Submission>("nothing", CancellationToken.None));

        var read = Assert.Single(_sidecar.State.GetRequests);
        Assert.Equal(FakeDaprSidecar.StateStoreName, read.StoreName);
        Assert.Equal(StateOptions.Types.StateConsistency.ConsistencyStrong, read.Consistency);
    }

    [Fact]
    public async Task DaprStateStore_ContractTest_ASaveWithoutAnETag_IsLastWriteWins_AndReadsBackWithAnETag()
    {
        Assert.True(await _store.TrySaveAsync("k", new Submission("ns", "first"), null, CancellationToken.None));
        Assert.True(await _store.TrySaveAsync("k", new Submission("ns", "second"), null, CancellationToken.None));

        var entry = await _store.GetAsync<Submission>("k", CancellationToken.None);
        Assert.Equal(new Submission("ns", "second"), entry?.Value);
        Assert.False(string.IsNullOrEmpty(entry?.ETag));
        Assert.All(_sidecar.State.SavedItems, item =>
        {
            Assert.Null(item.Etag);
            Assert.Equal(StateOptions.Types.StateConcurrency.ConcurrencyLastWrite, item.Options.Concurrency);
        });
        Assert.Equal("""{"namespace":"ns","name":"second"}""", _sidecar.State.SavedItems.Last().Value.ToStringUtf8());
    }

    [Fact]
    public async Task DaprStateStore_ContractTest_ASaveWithTheCurrentETag_Wins_AsAFirstWriteCompareAndSwap()
    {
        await _store.TrySaveAsync("k", new Submission("ns", "v1"), null, CancellationToken.None);
        var before = await _store.GetAsync<Submission>("k", CancellationToken.None);

        Assert.True(await _store.TrySaveAsync("k", new Submission("ns", "v2"), before!.ETag, CancellationToken.None));

        var sent = _sidecar.State.SavedItems.Last();
        Assert.Equal(before.ETag, sent.Etag.Value);
        Assert.Equal(StateOptions.Types.StateConcurrency.ConcurrencyFirstWrite, sent.Options.Concurrency);
        Assert.Equal(StateOptions.Types.StateConsistency.ConsistencyStrong, sent.Options.Consistency);
        var after = await _store.GetAsync<Submission>("k", CancellationToken.None);
        Assert.Equal("v2", after?.Value.Name);
        Assert.NotEqual(before.ETag, after?.ETag);
    }

    [Fact]
    public async Task DaprStateStore_ContractTest_ASaveWithAStaleETag_IsRefused()
    {
        await _store.TrySaveAsync("k", new Submission("ns", "v1"), null, CancellationToken.None);
        var stale = (await _store.GetAsync<Submission>("k", CancellationToken.None))!.ETag;
        Assert.True(await _store.TrySaveAsync("k", new Submission("ns", "winner"), stale, CancellationToken.None));

        Assert.False(await _store.TrySaveAsync("k", new Submission("ns", "loser"), stale, CancellationToken.None));

        Assert.Equal("winner", (await _store.GetAsync<Submission>("k", CancellationToken.None))?.Value.Name);
    }

    [Fact]
    public async Task DaprStateStore_ContractTest_ASaveWithAnETag_OfAKeyThatIsGone_IsRefused()
    {
        await _store.TrySaveAsync("k", new Submission("ns", "v1"), null, CancellationToken.None);
        var etag = (await _store.GetAsync<Submission>("k", CancellationToken.None))!.ETag;
        await _store.DeleteAsync("k", CancellationToken.None);

        Assert.False(await _store.TrySaveAsync("k", new Submission("ns", "v2"), etag, CancellationToken.None));
        Assert.Null(await _store.GetAsync<Submission>("k", CancellationToken.None));
    }

    [Fact]
    public async Task DaprStateStore_ContractTest_TwoWritersWithTheSameETag_ExactlyOneWins()
    {
        await _store.TrySaveAsync("k", new Submission("ns", "v1"), null, CancellationToken.None);
        var etag = (await _store.GetAsync<Submission>("k", CancellationToken.None))!.ETag;

        var results = await Task.WhenAll(
            _store.TrySaveAsync("k", new Submission("ns", "a"), etag, CancellationToken.None),
            _store.TrySaveAsync("k", new Submission("ns", "b"), etag, CancellationToken.None));

        Assert.Single(results, won => won);
    }

    [Fact]
    public async Task DaprStateStore_ContractTest_AStoreTheSidecarDoesNotHave_Throws()
    {
        var store = new DaprStateStore(_sidecar.Client, Microsoft.Extensions.Options.Options.Create(new DaprOptions { StateStoreName = "missing" }));

        await Assert.ThrowsAsync<global::Dapr.DaprException>(() => store.TrySaveAsync("k", 1, "1", CancellationToken.None));
    }
}
