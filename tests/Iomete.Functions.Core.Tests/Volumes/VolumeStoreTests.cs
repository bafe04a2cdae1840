using Iomete.Functions.Core.Common;
using Iomete.Functions.Core.Tests.Support;
using Iomete.Functions.Core.Volumes;
using Iomete.Platform.Errors;
using Iomete.Platform.Http;

namespace Iomete.Functions.Core.Tests.Volumes;

public sealed class VolumeStoreTests : IAsyncLifetime
{
    private static readonly ListQuery All = new(0, 100, "name", false, null);
    private readonly CoreServices _services = CoreServices.Create();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _services.DisposeAsync();

    private VolumeStore Store => _services.Get<VolumeStore>();

    [Fact]
    public async Task Create_Find_Update_Delete_RoundTrips()
    {
        var created = await Store.CreateAsync(
            new VolumeSpec("scratch", VolumeType.EmptyDir, null, null, "100Gi", true, null, null, [new ResourceTag("tier", "hot")]),
            CancellationToken.None);
        Assert.Equal(VolumeType.EmptyDir, created.Type);
        Assert.True(created.SchedulerReserved);
        Assert.Equal("hot", created.ResourceTags.Single().Value);

        var updated = await Store.UpdateAsync(
            new VolumeSpec("scratch", VolumeType.Nfs, null, null, null, false, "nfs.local", "/exports/x", []),
            CancellationToken.None);
        Assert.NotNull(updated);
        Assert.Equal((VolumeType.Nfs, "nfs.local", "/exports/x", (string?)null), (updated.Type, updated.Server, updated.Path, updated.MaxSize));

        Assert.True(await Store.DeleteAsync("scratch", CancellationToken.None));
        Assert.Null(await Store.FindAsync("scratch", CancellationToken.None));
        Assert.False(await Store.DeleteAsync("scratch", CancellationToken.None));
    }

    [Fact]
    public async Task Create_WithTakenName_Throws409()
    {
        var spec = new VolumeSpec("tmp", VolumeType.Tmpfs, null, null, "1Gi", false, null, null, []);
        await Store.CreateAsync(spec, CancellationToken.None);

        await Assert.ThrowsAsync<ConflictException>(() => Store.CreateAsync(spec, CancellationToken.None));
    }

    [Fact]
    public async Task List_FiltersByType()
    {
        await Store.CreateAsync(new VolumeSpec("a-tmp", VolumeType.Tmpfs, null, null, "1Gi", false, null, null, []), CancellationToken.None);
        await Store.CreateAsync(new VolumeSpec("b-host", VolumeType.HostPath, "/data", null, null, false, null, null, []), CancellationToken.None);

        var hostPaths = await Store.ListAsync(All, VolumeType.HostPath, CancellationToken.None);
        var all = await Store.ListAsync(All, null, CancellationToken.None);

        Assert.Equal(["b-host"], hostPaths.Items.Select(v => v.Name));
        Assert.Equal(2, all.Total);
    }
}
