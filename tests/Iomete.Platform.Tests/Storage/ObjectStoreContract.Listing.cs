using Iomete.Platform.Storage;
using Iomete.Testing;

namespace Iomete.Platform.Tests.Storage;

public abstract partial class ObjectStoreContract
{
    // Lakehouse-shaped keys. s3rver lists by walking folders, so this tree keeps to what it gets
    // right (every common prefix holds an object directly, no "name-" file beside a "name/"
    // folder); LocalFolderObjectStoreTests checks those harder cases against S3's rules.
    private static readonly string[] TreeKeys =
    [
        "t/a.json",
        "t/data/date=2024-01-01/part-0.parquet",
        "t/data/date=2024-01-01/part-1.parquet",
        "t/data/date=2024-01-02/part-0.parquet",
        "t/data/z-manifest.avro",
        "t/metadata/v1.metadata.json",
        "t/metadata/v2.metadata.json",
        "t/z with space.txt",
        "u/other.txt",
    ];

    private static IEnumerable<string> KeysUnder(string prefix) =>
        TreeKeys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal);

    [ServiceFact]
    public async Task List_WithoutDelimiter_ReturnsEveryKeyUnderThePrefixInKeyOrder()
    {
        await PutTreeAsync();

        var listing = await Store.ListAsync("t/", null, null, 1000, CancellationToken.None);

        Assert.Equal(KeysUnder("t/"), listing.Objects.Select(o => o.Key));
        Assert.Empty(listing.CommonPrefixes);
        Assert.Null(listing.NextContinuationToken);
        Assert.Equal(1, listing.Objects.Single(o => o.Key == "t/a.json").Size);
    }

    [ServiceFact]
    public async Task List_WithAPartialNamePrefix_MatchesKeysNotJustFolders()
    {
        await PutTreeAsync();

        var listing = await Store.ListAsync("t/data/date=2024-01-0", null, null, 1000, CancellationToken.None);
        var single = await Store.ListAsync("t/a.js", null, null, 1000, CancellationToken.None);

        Assert.Equal(KeysUnder("t/data/date="), listing.Objects.Select(o => o.Key));
        Assert.Equal(["t/a.json"], single.Objects.Select(o => o.Key));
    }

    [ServiceFact]
    public async Task List_WithADelimiter_FoldsDeeperKeysIntoCommonPrefixes()
    {
        await PutTreeAsync();

        var top = await Store.ListAsync("t/", "/", null, 1000, CancellationToken.None);
        var partitions = await Store.ListAsync("t/data/", "/", null, 1000, CancellationToken.None);
        var root = await Store.ListAsync("", "/", null, 1000, CancellationToken.None);

        Assert.Equal(["t/a.json", "t/z with space.txt"], top.Objects.Select(o => o.Key));
        Assert.Equal(["t/data/", "t/metadata/"], top.CommonPrefixes);
        Assert.Equal(["t/data/z-manifest.avro"], partitions.Objects.Select(o => o.Key));
        Assert.Equal(["t/data/date=2024-01-01/", "t/data/date=2024-01-02/"], partitions.CommonPrefixes);
        Assert.Empty(root.Objects);
        Assert.Equal(["t/", "u/"], root.CommonPrefixes);
    }

    [ServiceFact]
    public async Task List_InPages_VisitsEveryKeyOnceInOrder()
    {
        await PutTreeAsync();

        var keys = await ListAllAsync(Store, "t/", null, pageSize: 3);

        Assert.Equal(KeysUnder("t/"), keys);
    }

    [ServiceFact]
    public async Task List_OfAnEmptyPrefix_ReturnsNothing()
    {
        var listing = await Store.ListAsync("nothing/here/", "/", null, 10, CancellationToken.None);

        Assert.Empty(listing.Objects);
        Assert.Empty(listing.CommonPrefixes);
        Assert.Null(listing.NextContinuationToken);
    }

    private static readonly string[] EscapingKeys =
    [
        "../outside", "a/../../outside", "/etc/passwd", "a\\..\\b", "a//b", "./a", "a/./b", "a/", "", "a/..", "nul\0byte",
    ];

    [ServiceFact]
    public async Task Keys_ThatCouldEscapeTheRoot_AreRejected()
    {
        foreach (var key in EscapingKeys)
        {
            await Assert.ThrowsAsync<ArgumentException>(() => Store.PutAsync(key, new MemoryStream([1]), null, CancellationToken.None));
            await Assert.ThrowsAsync<ArgumentException>(() => Store.OpenReadAsync(key, null, CancellationToken.None));
            await Assert.ThrowsAsync<ArgumentException>(() => Store.HeadAsync(key, CancellationToken.None));
            await Assert.ThrowsAsync<ArgumentException>(() => Store.DeleteAsync(key, CancellationToken.None));
        }
        await Assert.ThrowsAsync<ArgumentException>(() => Store.ListAsync("../", "/", null, 10, CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(() => Store.ListAsync("/abs/", "/", null, 10, CancellationToken.None));
    }

    private async Task PutTreeAsync()
    {
        foreach (var key in TreeKeys)
        {
            await PutAsync(key, key == "t/a.json" ? [1] : RandomBytes(10));
        }
    }

    protected static async Task<List<string>> ListAllAsync(IObjectStore store, string prefix, string? delimiter, int pageSize)
    {
        var entries = new List<string>();
        string? token = null;
        for (var page = 0; page < 100; page++)
        {
            var listing = await store.ListAsync(prefix, delimiter, token, pageSize, CancellationToken.None);
            Assert.InRange(listing.Objects.Count + listing.CommonPrefixes.Count, 0, pageSize);
            entries.AddRange(listing.Objects.Select(o => o.Key));
            entries.AddRange(listing.CommonPrefixes);
            token = listing.NextContinuationToken;
            if (token is null)
            {
                return entries;
            }
        }
        throw new InvalidOperationException("Listing did not end after 100 pages.");
    }
}
