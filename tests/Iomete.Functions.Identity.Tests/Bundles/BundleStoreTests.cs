using Iomete.Functions.Identity.Bundles;
using Iomete.Functions.Identity.Domains;
using Iomete.Functions.Identity.Tests.Access;
using Iomete.Platform.Errors;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Iomete.Testing;
using static Iomete.Functions.Identity.Tests.Access.RasServices;

namespace Iomete.Functions.Identity.Tests.Bundles;

public abstract class BundleStoreContract : IAsyncLifetime
{
    private static readonly ListQuery All = new(0, 100, "name", false, null);
    private RasServices _ras = null!;

    protected abstract Task<RasServices> StartAsync();
    private BundleStore Bundles => _ras.Get<BundleStore>();
    private BundleAssetStore Assets => _ras.Get<BundleAssetStore>();

    public async Task InitializeAsync()
    {
        _ras = await StartAsync();
        await _ras.Get<DomainStore>().CreateAsync("sales", "Sales", [new DomainOwner("USER", "u-admin")], "admin", CancellationToken.None);
        await _ras.Get<DomainStore>().CreateAsync("hr", "HR", [new DomainOwner("GROUP", "g-hr")], "admin", CancellationToken.None);
    }

    public async Task DisposeAsync() => await _ras.DisposeAsync();

    [ServiceFact]
    public async Task Create_WithANameTakenInTheDomain_IsAConflict_ButOtherDomainsMayReuseIt()
    {
        await Bundles.CreateAsync("sales", "analytics", "d", UserActor("u-alice"), "alice", CancellationToken.None);

        await Assert.ThrowsAsync<ConflictException>(() => Bundles.CreateAsync("sales", "analytics", null, UserActor("u-bob"), "bob", CancellationToken.None));
        var other = await Bundles.CreateAsync("hr", "analytics", null, UserActor("u-bob"), "bob", CancellationToken.None);
        Assert.Equal("hr", other.DomainId);
        // A resource bundle may carry the domain bundle's name (the domain id).
        await Bundles.CreateAsync("sales", "sales", null, UserActor("u-bob"), "bob", CancellationToken.None);
    }

    [ServiceFact]
    public async Task Archive_WhileHoldingAssets_IsAConflict_WhenEmptyArchives_ThenRestores()
    {
        var bundle = await Bundles.CreateAsync("sales", "analytics", null, UserActor("u-alice"), "alice", CancellationToken.None);
        await Assets.AddAsync(bundle.Id, AssetType.Compute, "cluster-1", "alice", CancellationToken.None);

        await Assert.ThrowsAsync<ConflictException>(() => Bundles.SetArchivedAsync(bundle.Id, true, CancellationToken.None));
        Assert.False((await Bundles.GetAsync(bundle.Id, CancellationToken.None)).Archived);

        Assert.True(await Assets.RemoveAsync(bundle.Id, AssetType.Compute, "cluster-1", CancellationToken.None));
        Assert.True((await Bundles.SetArchivedAsync(bundle.Id, true, CancellationToken.None)).Archived);
        await Assert.ThrowsAsync<ConflictException>(() => Assets.AddAsync(bundle.Id, AssetType.Compute, "cluster-2", "alice", CancellationToken.None));
        await Assert.ThrowsAsync<ConflictException>(() => Bundles.UpdateAsync(bundle.Id, "new", null, CancellationToken.None));

        Assert.False((await Bundles.SetArchivedAsync(bundle.Id, false, CancellationToken.None)).Archived);
        await Assets.AddAsync(bundle.Id, AssetType.Compute, "cluster-2", "alice", CancellationToken.None);
    }

    [ServiceFact]
    public async Task AnAsset_BelongsToOneBundle_AndTransfersAllOrNothing()
    {
        var source = await Bundles.CreateAsync("sales", "a", null, UserActor("u-alice"), "alice", CancellationToken.None);
        var target = await Bundles.CreateAsync("sales", "b", null, UserActor("u-alice"), "alice", CancellationToken.None);
        await Assets.AddAsync(source.Id, AssetType.Compute, "cluster-1", "alice", CancellationToken.None);
        await Assets.AddAsync(source.Id, AssetType.SparkJob, "job-1", "alice", CancellationToken.None);

        await Assert.ThrowsAsync<ConflictException>(() => Assets.AddAsync(target.Id, AssetType.Compute, "cluster-1", "alice", CancellationToken.None));
        // The same id of another type is another asset.
        await Assets.AddAsync(target.Id, AssetType.Workspace, "cluster-1", "alice", CancellationToken.None);

        await Assert.ThrowsAsync<NotFoundException>(() =>
            Assets.TransferAsync(source.Id, target.Id, [(AssetType.Compute, "cluster-1"), (AssetType.Compute, "missing")], CancellationToken.None));
        Assert.Equal(source.Id, (await Assets.FindAsync(AssetType.Compute, "cluster-1", CancellationToken.None))!.BundleId);

        await Assets.TransferAsync(source.Id, target.Id, [(AssetType.Compute, "cluster-1"), (AssetType.SparkJob, "job-1")], CancellationToken.None);
        Assert.Equal(target.Id, (await Assets.FindAsync(AssetType.Compute, "cluster-1", CancellationToken.None))!.BundleId);
        Assert.Equal(3, (await Assets.ListAsync(target.Id, null, new ListQuery(0, 10, "asset_id", false, null), CancellationToken.None)).Total);
        Assert.Equal(0, (await Assets.ListAsync(source.Id, null, new ListQuery(0, 10, "asset_id", false, null), CancellationToken.None)).Total);
    }

    [ServiceFact]
    public async Task List_ShowsOwnersMembersAndDomainOwnersTheirBundles_Only()
    {
        await Bundles.CreateAsync("sales", "alices", null, UserActor("u-alice"), "alice", CancellationToken.None);
        await Bundles.CreateAsync("sales", "groups", null, GroupActor("g-analysts"), "alice", CancellationToken.None);
        var shared = await Bundles.CreateAsync("hr", "shared", null, UserActor("u-carol"), "carol", CancellationToken.None);
        await _ras.Get<BundlePermissionStore>().AddAsync(shared.Id, UserActor("u-alice"),
            new Dictionary<AssetType, IReadOnlyList<string>> { [AssetType.Compute] = ["VIEW"] }, CancellationToken.None);

        async Task<string[]> Names(Platform.Security.Caller caller, bool mine, bool all = false, string? domain = null, string? type = BundleTypes.Resource) =>
            (await Bundles.ListAsync(new BundleFilter(domain, type, false), caller, mine, all, All, CancellationToken.None))
            .Items.Select(b => b.Name).ToArray();

        Assert.Equal(["alices", "shared"], await Names(User("u-alice"), mine: true));
        Assert.Equal(["groups"], await Names(User("u-bob", "g-analysts"), mine: false));
        Assert.Empty(await Names(User("u-mallory"), mine: false));
        // Domain owners see every bundle of their domain, but not in the MY scope.
        Assert.Equal(["alices", "groups"], await Names(User("u-admin"), mine: false));
        Assert.Empty(await Names(User("u-admin"), mine: true));
        Assert.Equal(["shared"], await Names(User("u-dave", "g-hr"), mine: false, domain: "hr"));
        Assert.Equal(["alices", "groups", "shared"], await Names(SuperAdmin(), mine: false, all: true));
        Assert.Equal(["hr", "sales"], await Names(SuperAdmin(), mine: false, all: true, type: BundleTypes.Domain));
    }
}

public sealed class BundleStoreOnSqliteTests : BundleStoreContract
{
    protected override Task<RasServices> StartAsync() => RasServices.OnSqliteAsync();
}

[NeedsServices(TestService.Postgres)]
public sealed class BundleStoreOnPostgresTests : BundleStoreContract
{
    protected override Task<RasServices> StartAsync() => RasServices.OnPostgresAsync();
}
