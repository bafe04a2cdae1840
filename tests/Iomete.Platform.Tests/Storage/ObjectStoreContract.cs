using System.Text;
using Iomete.Platform.Storage;
using Iomete.Testing;

namespace Iomete.Platform.Tests.Storage;

/// <summary>What every object store adapter must do; run against a local folder and s3rver.</summary>
public abstract partial class ObjectStoreContract : IAsyncLifetime
{
    protected const int MiB = 1024 * 1024;

    protected IObjectStore Store { get; private set; } = null!;

    protected abstract Task<IObjectStore> CreateStoreAsync();

    public async Task InitializeAsync() => Store = await CreateStoreAsync();

    public virtual Task DisposeAsync() => Task.CompletedTask;

    [ServiceFact]
    public async Task Put_ThenGet_ReturnsTheExactBytes()
    {
        var content = RandomBytes(100_003);

        var info = await PutAsync("tables/t1/data/part-0.parquet", content);

        Assert.Equal(content.Length, info.Size);
        Assert.Equal(content, await ReadAsync("tables/t1/data/part-0.parquet"));
    }

    [ServiceFact]
    public async Task Put_OfAnEmptyObject_ReadsBackEmpty()
    {
        await PutAsync("empty", []);

        Assert.Empty(await ReadAsync("empty"));
        Assert.Equal(0, (await Store.HeadAsync("empty", CancellationToken.None))!.Size);
    }

    [ServiceFact]
    public async Task Put_LargerThanAPart_RoundTripsExactly()
    {
        var content = RandomBytes(12 * MiB + 7);

        // A non-seekable stream, as a producer writing Parquet would hand over.
        var info = await Store.PutAsync("big/blob.bin", new ForwardOnlyStream(content), null, CancellationToken.None);

        Assert.Equal(content.Length, info.Size);
        var back = await ReadAsync("big/blob.bin");
        Assert.Equal(content.Length, back.Length);
        Assert.True(content.AsSpan().SequenceEqual(back), "the object's bytes differ from what was written");
    }

    [ServiceFact]
    public async Task Put_OverAnExistingKey_ReplacesIt()
    {
        await PutAsync("k", Encoding.UTF8.GetBytes("first"));

        await PutAsync("k", Encoding.UTF8.GetBytes("second, longer"));

        Assert.Equal("second, longer", Encoding.UTF8.GetString(await ReadAsync("k")));
    }

    [ServiceFact]
    public async Task OpenRead_WithARange_ReturnsThoseBytesOnly()
    {
        var content = RandomBytes(10_000);
        await PutAsync("r", content);

        Assert.Equal(content[1000..2000], await ReadAsync("r", new ByteRange(1000, 1999)));
        Assert.Equal(content[5..6], await ReadAsync("r", new ByteRange(5, 5)));
        Assert.Equal(content[9_990..], await ReadAsync("r", new ByteRange(9_990, 20_000)));
    }

    [ServiceFact]
    public async Task OpenRead_WithAnOpenEndedOrSuffixRange_ReturnsTheTail()
    {
        var content = RandomBytes(10_000);
        await PutAsync("r", content);

        Assert.Equal(content[7_500..], await ReadAsync("r", new ByteRange(7_500, null)));
        Assert.Equal(content[^8..], await ReadAsync("r", ByteRange.Last(8)));
        Assert.Equal(content, await ReadAsync("r", ByteRange.Last(50_000)));
    }

    [ServiceFact]
    public async Task OpenRead_WithARangePastTheEnd_ReturnsNothing()
    {
        await PutAsync("r", RandomBytes(100));

        Assert.Empty(await ReadAsync("r", new ByteRange(100, null)));
    }

    [ServiceFact]
    public async Task OpenRead_OfAMissingKey_ThrowsObjectNotFound()
    {
        var ex = await Assert.ThrowsAsync<ObjectNotFoundException>(() => Store.OpenReadAsync("no/such/key", null, CancellationToken.None));

        Assert.Equal("no/such/key", ex.Key);
        await Assert.ThrowsAsync<ObjectNotFoundException>(() => Store.OpenReadAsync("no/such/key", new ByteRange(0, 10), CancellationToken.None));
        await Assert.ThrowsAsync<ObjectNotFoundException>(() => Store.OpenReadAsync("no/such/key", ByteRange.Last(10), CancellationToken.None));
    }

    [ServiceFact]
    public async Task Head_ReturnsSizeAndTime_OrNullWhenMissing()
    {
        var before = DateTimeOffset.UtcNow.AddMinutes(-5);
        var put = await PutAsync("h/obj", RandomBytes(321));

        var head = await Store.HeadAsync("h/obj", CancellationToken.None);

        Assert.NotNull(head);
        Assert.Equal("h/obj", head.Key);
        Assert.Equal(321, head.Size);
        Assert.InRange(head.LastModified, before, DateTimeOffset.UtcNow.AddMinutes(5));
        Assert.Equal(put.ETag, head.ETag);
        Assert.Null(await Store.HeadAsync("h/missing", CancellationToken.None));
        Assert.Null(await Store.HeadAsync("h", CancellationToken.None));
    }

    [ServiceFact]
    public async Task Delete_RemovesTheObject_AndDeletingAMissingOneIsNoError()
    {
        await PutAsync("d/a", [1]);
        await PutAsync("d/b", [2]);

        await Store.DeleteAsync("d/a", CancellationToken.None);
        await Store.DeleteAsync("d/a", CancellationToken.None);
        await Store.DeleteAsync("never/was", CancellationToken.None);

        Assert.Null(await Store.HeadAsync("d/a", CancellationToken.None));
        Assert.NotNull(await Store.HeadAsync("d/b", CancellationToken.None));
        var listing = await Store.ListAsync("d/", null, null, 100, CancellationToken.None);
        Assert.Equal(["d/b"], listing.Objects.Select(o => o.Key));
    }

    [ServiceFact]
    public async Task CreateOnlyPut_OfANewKey_Writes_AndOfAnExistingKey_ThrowsAndKeepsTheFirst()
    {
        var createOnly = new PutOptions(IfNoneMatch: true);

        await Store.PutAsync("once", new MemoryStream(Encoding.UTF8.GetBytes("first")), createOnly, CancellationToken.None);
        var ex = await Assert.ThrowsAsync<ObjectAlreadyExistsException>(() =>
            Store.PutAsync("once", new MemoryStream(Encoding.UTF8.GetBytes("second")), createOnly, CancellationToken.None));

        Assert.Equal("once", ex.Key);
        Assert.Equal("first", Encoding.UTF8.GetString(await ReadAsync("once")));
    }

    [ServiceFact]
    public async Task RootUri_NamesTheStoreWithoutATrailingSlash()
    {
        Assert.Matches("^(file|s3a)://", Store.RootUri);
        Assert.False(Store.RootUri.EndsWith('/'));
        await Task.CompletedTask;
    }

    protected async Task<ObjectInfo> PutAsync(string key, byte[] content) =>
        await Store.PutAsync(key, new MemoryStream(content), null, CancellationToken.None);

    protected async Task<byte[]> ReadAsync(string key, ByteRange? range = null)
    {
        await using var stream = await Store.OpenReadAsync(key, range, CancellationToken.None);
        using var memory = new MemoryStream();
        await stream.CopyToAsync(memory);
        return memory.ToArray();
    }

    protected static byte[] RandomBytes(int length)
    {
        var bytes = new byte[length];
        new Random(length).NextBytes(bytes);
        return bytes;
    }
}
