using System.Text;
using Iomete.Platform.Storage;
using Iomete.Platform.Tests.TestSupport;

namespace Iomete.Platform.Tests.Storage;

public sealed class LocalFolderObjectStoreTests : ObjectStoreContract
{
    private readonly TempFolder _root = new();

    protected override Task<IObjectStore> CreateStoreAsync() => Task.FromResult<IObjectStore>(new LocalFolderObjectStore(_root.Path));

    public override Task DisposeAsync()
    {
        _root.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public void RootUri_IsTheFolderAsAFileUri()
    {
        Assert.Equal(new Uri(_root.Path).AbsoluteUri, Store.RootUri);
        Assert.StartsWith("file:///", Store.RootUri);
        Assert.True(Store.SupportsConditionalPut);
    }

    [Fact]
    public async Task Objects_AreFilesUnderTheRoot()
    {
        await PutAsync("a/b/c.txt", Encoding.UTF8.GetBytes("hello"));

        Assert.Equal("hello", await File.ReadAllTextAsync(Path.Combine(_root.Path, "a", "b", "c.txt")));
    }

    [Fact]
    public async Task Put_ThatFailsMidway_LeavesTheOldObjectAndNoTemporaryFile()
    {
        await PutAsync("x/obj", Encoding.UTF8.GetBytes("old"));

        await Assert.ThrowsAsync<IOException>(() =>
            Store.PutAsync("x/obj", new ForwardOnlyStream(RandomBytes(1_000_000), failAfter: 300_000), null, CancellationToken.None));
        await Assert.ThrowsAsync<IOException>(() =>
            Store.PutAsync("x/new", new ForwardOnlyStream(RandomBytes(1_000_000), failAfter: 300_000), null, CancellationToken.None));

        Assert.Equal("old", Encoding.UTF8.GetString(await ReadAsync("x/obj")));
        Assert.Null(await Store.HeadAsync("x/new", CancellationToken.None));
        Assert.Equal([Path.Combine(_root.Path, "x", "obj")], Directory.GetFiles(_root.Path, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task CreateOnlyPut_FromRacingWriters_LetsExactlyOneWin()
    {
        for (var round = 0; round < 5; round++)
        {
            var key = $"race/{round}";
            var attempts = Enumerable.Range(0, 8).Select(writer => Task.Run(async () =>
            {
                try
                {
                    await Store.PutAsync(key, new MemoryStream(Encoding.UTF8.GetBytes($"writer {writer}")), new PutOptions(IfNoneMatch: true), CancellationToken.None);
                    return writer;
                }
                catch (ObjectAlreadyExistsException)
                {
                    return -1;
                }
            })).ToList();

            var winners = (await Task.WhenAll(attempts)).Where(w => w >= 0).ToList();

            var winner = Assert.Single(winners);
            Assert.Equal($"writer {winner}", Encoding.UTF8.GetString(await ReadAsync(key)));
        }
        Assert.Empty(Directory.GetFiles(_root.Path, "*" + LocalFolderObjectStore.TempSuffix, SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Delete_OfTheLastObjectInAFolder_RemovesTheEmptyFolders()
    {
        await PutAsync("p/q/r/s.txt", [1]);
        await PutAsync("p/keep.txt", [1]);

        await Store.DeleteAsync("p/q/r/s.txt", CancellationToken.None);

        Assert.False(Directory.Exists(Path.Combine(_root.Path, "p", "q")));
        Assert.True(File.Exists(Path.Combine(_root.Path, "p", "keep.txt")));
        Assert.True(Directory.Exists(_root.Path));
    }

    [Fact]
    public async Task List_IgnoresTemporaryFilesAndEmptyFolders()
    {
        await PutAsync("l/a.txt", [1]);
        Directory.CreateDirectory(Path.Combine(_root.Path, "l", "empty", "deeper"));
        await File.WriteAllBytesAsync(Path.Combine(_root.Path, "l", "b.txt.123" + LocalFolderObjectStore.TempSuffix), [1]);

        var flat = await Store.ListAsync("l/", null, null, 100, CancellationToken.None);
        var folded = await Store.ListAsync("l/", "/", null, 100, CancellationToken.None);

        Assert.Equal(["l/a.txt"], flat.Objects.Select(o => o.Key));
        Assert.Equal(["l/a.txt"], folded.Objects.Select(o => o.Key));
        Assert.Empty(folded.CommonPrefixes);
    }

    [Fact]
    public async Task Keys_EndingLikeTemporaryFiles_AreRejected()
    {
        await Assert.ThrowsAsync<ArgumentException>(() =>
            Store.PutAsync("a" + LocalFolderObjectStore.TempSuffix, new MemoryStream([1]), null, CancellationToken.None));
    }

    // S3 orders by the key's bytes: "data-old.txt" ('-' is 0x2D) comes before "data/..." ('/' is 0x2F),
    // and a folder with only deeper objects still rolls up into a common prefix.
    private static readonly string[] HardKeys =
    [
        "t/data/date=2024-01-01/part-0.parquet",
        "t/data/date=2024-01-02/part-0.parquet",
        "t/data-old.txt",
        "t/data.bak",
        "t/deep/only/below/x.bin",
        "t/e.txt",
    ];

    [Fact]
    public async Task List_OrdersByKeyBytes_AndRollsUpFoldersWithOnlyDeeperObjects()
    {
        foreach (var key in HardKeys)
        {
            await PutAsync(key, [1]);
        }

        var flat = await Store.ListAsync("t/", null, null, 100, CancellationToken.None);
        var folded = await Store.ListAsync("t/", "/", null, 100, CancellationToken.None);
        var partial = await Store.ListAsync("t/data", "/", null, 100, CancellationToken.None);

        Assert.Equal(HardKeys.Order(StringComparer.Ordinal), flat.Objects.Select(o => o.Key));
        Assert.Equal(["t/data-old.txt", "t/data.bak", "t/e.txt"], folded.Objects.Select(o => o.Key));
        Assert.Equal(["t/data/", "t/deep/"], folded.CommonPrefixes);
        Assert.Equal(["t/data-old.txt", "t/data.bak"], partial.Objects.Select(o => o.Key));
        Assert.Equal(["t/data/"], partial.CommonPrefixes);
    }

    [Fact]
    public async Task List_InPagesWithADelimiter_CountsPrefixesAsEntries_AndVisitsEachOnce()
    {
        foreach (var key in HardKeys)
        {
            await PutAsync(key, [1]);
        }

        var first = await Store.ListAsync("t/", "/", null, 2, CancellationToken.None);
        var all = await ListAllAsync(Store, "t/", "/", pageSize: 2);

        Assert.Equal(["t/data-old.txt", "t/data.bak"], first.Objects.Select(o => o.Key));
        Assert.Empty(first.CommonPrefixes);
        Assert.NotNull(first.NextContinuationToken);
        Assert.Equal(["t/data-old.txt", "t/data.bak", "t/data/", "t/deep/", "t/e.txt"], all);
    }

    [Fact]
    public async Task List_WithAnotherDelimiter_FoldsOnIt()
    {
        await PutAsync("k/a-1", [1]);
        await PutAsync("k/a-2", [1]);
        await PutAsync("k/b", [1]);

        var listing = await Store.ListAsync("k/", "-", null, 100, CancellationToken.None);

        Assert.Equal(["k/b"], listing.Objects.Select(o => o.Key));
        Assert.Equal(["k/a-"], listing.CommonPrefixes);
    }
}
