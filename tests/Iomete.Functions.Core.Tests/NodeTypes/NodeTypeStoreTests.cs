using Iomete.Functions.Core.Common;
using Iomete.Functions.Core.NodeTypes;
using Iomete.Functions.Core.Tests.Support;
using Iomete.Platform.Errors;
using Iomete.Platform.Http;

namespace Iomete.Functions.Core.Tests.NodeTypes;

public sealed class NodeTypeStoreTests : IAsyncLifetime
{
    private static readonly ListQuery All = new(0, 100, "name", false, null);
    private readonly CoreServices _services = CoreServices.Create();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _services.DisposeAsync();

    private NodeTypeStore Store => _services.Get<NodeTypeStore>();

    private static NodeTypeSpec Spec(string name, int cpu = 1500) =>
        new(name, "test", cpu, 2048, [NodeTypeUsage.Executor], false, [new ResourceTag("team", "a")]);

    [Fact]
    public async Task List_OnNewInstallation_HasTheOnPremDefaults()
    {
        var page = await Store.ListAsync(All, null, CancellationToken.None);

        Assert.Equal(8, page.Total);
        var small = page.Items.Single(n => n.Name == "driver-small");
        Assert.Equal((1000, 8 * 1024), (small.Cpu, small.Memory));
        Assert.Equal([NodeTypeUsage.Driver], small.AvailableFor);
        var xl = page.Items.Single(n => n.Name == "exec-x-large");
        Assert.Equal((16000, 128 * 1024), (xl.Cpu, xl.Memory));
    }

    [Fact]
    public async Task Seed_RunsOncePerInstallation_EvenAfterDefaultsAreDeleted()
    {
        await Store.ListAsync(All, null, CancellationToken.None);
        Assert.True(await Store.DeleteAsync("driver-small", CancellationToken.None));

        await using var restarted = _services.Sibling();
        var page = await restarted.Get<NodeTypeStore>().ListAsync(All, null, CancellationToken.None);

        Assert.Equal(7, page.Total);
        Assert.DoesNotContain(page.Items, n => n.Name == "driver-small");
    }

    [Fact]
    public async Task Create_WithTakenName_Throws409()
    {
        await Store.CreateAsync(Spec("custom"), CancellationToken.None);

        await Assert.ThrowsAsync<ConflictException>(() => Store.CreateAsync(Spec("custom"), CancellationToken.None));
    }

    [Fact]
    public async Task Delete_HidesTheNodeType_AndFreesItsName()
    {
        var first = await Store.CreateAsync(Spec("reused"), CancellationToken.None);

        Assert.True(await Store.DeleteAsync("reused", CancellationToken.None));
        Assert.Null(await Store.FindAsync("reused", CancellationToken.None));
        Assert.False(await Store.DeleteAsync("reused", CancellationToken.None));
        Assert.Null(await Store.UpdateAsync(Spec("reused"), CancellationToken.None));

        var second = await Store.CreateAsync(Spec("reused", cpu: 3000), CancellationToken.None);
        Assert.NotEqual(first.Id, second.Id);
        Assert.Equal(3000, (await Store.FindAsync("reused", CancellationToken.None))!.Cpu);
    }

    [Fact]
    public async Task Update_ReplacesTheDefinition()
    {
        await Store.CreateAsync(Spec("sized"), CancellationToken.None);

        var updated = await Store.UpdateAsync(
            new NodeTypeSpec("sized", null, 4000, 8192, [NodeTypeUsage.Driver, NodeTypeUsage.Executor], true, []),
            CancellationToken.None);

        Assert.NotNull(updated);
        Assert.Equal((4000, 8192, true), (updated.Cpu, updated.Memory, updated.SpotInstance));
        Assert.Equal([NodeTypeUsage.Driver, NodeTypeUsage.Executor], updated.AvailableFor);
        Assert.Empty(updated.ResourceTags);
        Assert.Null(updated.Description);
    }

    [Fact]
    public async Task List_FiltersByUsageAndSearch_AndPages()
    {
        var drivers = await Store.ListAsync(All, NodeTypeUsage.Driver, CancellationToken.None);
        Assert.Equal(4, drivers.Total);
        Assert.All(drivers.Items, n => Assert.Contains(NodeTypeUsage.Driver, n.AvailableFor));

        var large = await Store.ListAsync(All with { Search = "LARGE" }, null, CancellationToken.None);
        Assert.Equal(["driver-large", "driver-x-large", "exec-large", "exec-x-large"], large.Items.Select(n => n.Name));

        var byCpu = await Store.ListAsync(new ListQuery(1, 2, "cpu_millicores", true, null), null, CancellationToken.None);
        Assert.Equal(8, byCpu.Total);
        Assert.Equal(["driver-x-large", "exec-large"], byCpu.Items.Select(n => n.Name));
    }
}
