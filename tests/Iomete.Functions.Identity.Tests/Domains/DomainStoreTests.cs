using Iomete.Functions.Identity.Bundles;
using Iomete.Functions.Identity.Domains;
using Iomete.Functions.Identity.Tests.Access;
using Iomete.Platform.Errors;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Iomete.Testing;

namespace Iomete.Functions.Identity.Tests.Domains;

public abstract class DomainStoreContract : IAsyncLifetime
{
    private static readonly DomainOwner Admin = new("USER", "u-admin");
    private RasServices _ras = null!;

    protected abstract Task<RasServices> StartAsync();
    private DomainStore Domains => _ras.Get<DomainStore>();

    public async Task InitializeAsync() => _ras = await StartAsync();

    public async Task DisposeAsync() => await _ras.DisposeAsync();

    [ServiceFact]
    public async Task Create_MakesTheDomainAndItsDomainBundle()
    {
        var created = await Domains.CreateAsync("sales", "Sales", [Admin, new DomainOwner("GROUP", "g-leads")], "admin", CancellationToken.None);

        Assert.Equal("Sales", created.Domain.Name);
        Assert.Equal([Admin, new DomainOwner("GROUP", "g-leads")], created.Owners);
        var bundle = await _ras.Get<BundleStore>().FindDomainBundleAsync("sales", CancellationToken.None);
        Assert.NotNull(bundle);
        Assert.Equal(created.BundleId, bundle.Id);
        Assert.True(bundle.IsDomainBundle);
        Assert.Equal(("USER", "u-admin"), (bundle.OwnerType, bundle.OwnerId));
    }

    [ServiceFact]
    public async Task Create_WithATakenId_IsAConflict()
    {
        await Domains.CreateAsync("sales", "Sales", [Admin], "admin", CancellationToken.None);

        await Assert.ThrowsAsync<ConflictException>(() => Domains.CreateAsync("sales", "Other", [Admin], "admin", CancellationToken.None));
        Assert.Equal("Sales", (await Domains.GetAsync("sales", CancellationToken.None)).Domain.Name);
    }

    [ServiceFact]
    public async Task Ensure_RacingCallers_CreateTheDomainOnce()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            Task.Run(() => Domains.EnsureAsync("default", "default", [Admin], CancellationToken.None))));

        Assert.Single(results, created => created);
        var page = await Domains.ListAsync(new ListQuery(0, 100, "id", false, null), CancellationToken.None);
        var entry = Assert.Single(page.Items);
        Assert.Equal([Admin], entry.Owners);
        Assert.NotNull(entry.BundleId);
    }

    [ServiceFact]
    public async Task Update_ReplacesOwners_AndTheDomainBundleFollowsTheFirst()
    {
        await Domains.CreateAsync("sales", "Sales", [Admin], "admin", CancellationToken.None);

        var updated = await Domains.UpdateAsync("sales", "Sales EMEA", [new DomainOwner("GROUP", "g-leads")], CancellationToken.None);

        Assert.Equal("Sales EMEA", updated.Domain.Name);
        Assert.Equal([new DomainOwner("GROUP", "g-leads")], updated.Owners);
        Assert.True(updated.Domain.Version > 1);
        var bundle = await _ras.Get<BundleStore>().FindDomainBundleAsync("sales", CancellationToken.None);
        Assert.Equal(("GROUP", "g-leads"), (bundle!.OwnerType, bundle.OwnerId));
    }

    [ServiceFact]
    public async Task Update_OfAnUnknownDomain_IsNotFound()
    {
        await Assert.ThrowsAsync<NotFoundException>(() => Domains.UpdateAsync("nowhere", "x", null, CancellationToken.None));
    }

    [ServiceFact]
    public async Task Delete_WhileABundleHoldsAssets_IsAConflict_AndKeepsEverything()
    {
        await Domains.CreateAsync("sales", "Sales", [Admin], "admin", CancellationToken.None);
        var bundle = await _ras.Get<BundleStore>().CreateAsync("sales", "analytics", null, RasServices.UserActor("u-alice"), "alice", CancellationToken.None);
        await _ras.Get<BundleAssetStore>().AddAsync(bundle.Id, AssetType.Compute, "cluster-1", "alice", CancellationToken.None);

        await Assert.ThrowsAsync<ConflictException>(() => Domains.DeleteAsync("sales", CancellationToken.None));

        Assert.NotNull(await Domains.FindAsync("sales", CancellationToken.None));
        Assert.NotNull(await _ras.Get<BundleAssetStore>().FindAsync(AssetType.Compute, "cluster-1", CancellationToken.None));
    }

    [ServiceFact]
    public async Task Delete_RemovesTheDomainWithItsBundlesAndPermissions()
    {
        await Domains.CreateAsync("sales", "Sales", [Admin], "admin", CancellationToken.None);
        var bundle = await _ras.Get<BundleStore>().CreateAsync("sales", "analytics", null, RasServices.UserActor("u-alice"), "alice", CancellationToken.None);
        await _ras.Get<BundlePermissionStore>().AddAsync(bundle.Id, RasServices.UserActor("u-bob"),
            new Dictionary<AssetType, IReadOnlyList<string>> { [AssetType.Compute] = ["VIEW"] }, CancellationToken.None);

        await Domains.DeleteAsync("sales", CancellationToken.None);

        Assert.Null(await Domains.FindAsync("sales", CancellationToken.None));
        Assert.Null(await _ras.Get<BundleStore>().FindAsync(bundle.Id, CancellationToken.None));
        Assert.Empty(await _ras.Get<BundlePermissionStore>().ListAsync(bundle.Id, CancellationToken.None));
        // The id is free again.
        await Domains.CreateAsync("sales", "Sales", [Admin], "admin", CancellationToken.None);
    }

    [ServiceFact]
    public async Task List_SearchesIdAndName_AndPages()
    {
        foreach (var (id, name) in new[] { ("sales", "Sales"), ("marketing", "Growth"), ("finance", "Money_Team") })
        {
            await Domains.CreateAsync(id, name, [Admin], "admin", CancellationToken.None);
        }

        var growth = await Domains.ListAsync(new ListQuery(0, 10, "id", false, "GROW"), CancellationToken.None);
        Assert.Equal(["marketing"], growth.Items.Select(d => d.Domain.Id));
        // "_" is a literal, not a LIKE wildcard.
        var underscore = await Domains.ListAsync(new ListQuery(0, 10, "id", false, "y_t"), CancellationToken.None);
        Assert.Equal(["finance"], underscore.Items.Select(d => d.Domain.Id));
        var second = await Domains.ListAsync(new ListQuery(1, 1, "id", true, null), CancellationToken.None);
        Assert.Equal(3, second.Total);
        Assert.Equal(["marketing"], second.Items.Select(d => d.Domain.Id));
    }
}

public sealed class DomainStoreOnSqliteTests : DomainStoreContract
{
    protected override Task<RasServices> StartAsync() => RasServices.OnSqliteAsync();
}

[NeedsServices(TestService.Postgres)]
public sealed class DomainStoreOnPostgresTests : DomainStoreContract
{
    protected override Task<RasServices> StartAsync() => RasServices.OnPostgresAsync();
}
