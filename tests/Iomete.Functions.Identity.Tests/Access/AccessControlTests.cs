using Iomete.Functions.Identity.Bundles;
using Iomete.Functions.Identity.Domains;
using Iomete.Platform.Errors;
using Iomete.Platform.Security;
using Iomete.Testing;
using static Iomete.Functions.Identity.Tests.Access.RasServices;

namespace Iomete.Functions.Identity.Tests.Access;

/// <summary>The decisions of IAccessControl over real stores: alice owns a bundle holding COMPUTE/cluster-1 in domain sales.</summary>
public abstract class AccessControlContract : IAsyncLifetime
{
    private RasServices _ras = null!;

    protected abstract Task<RasServices> StartAsync();
    private IAccessControl Access => _ras.Get<IAccessControl>();
    private BundlePermissionStore Permissions => _ras.Get<BundlePermissionStore>();
    private BundleRecord _bundle = null!;
    private string _domainBundleId = null!;

    public async Task InitializeAsync()
    {
        _ras = await StartAsync();
        var domain = await _ras.Get<DomainStore>().CreateAsync("sales", "Sales", [new DomainOwner("USER", "u-admin")], "admin", CancellationToken.None);
        _domainBundleId = domain.BundleId!;
        _bundle = await _ras.Get<BundleStore>().CreateAsync("sales", "analytics", null, UserActor("u-alice"), "alice", CancellationToken.None);
        await _ras.Get<BundleAssetStore>().AddAsync(_bundle.Id, AssetType.Compute, "cluster-1", "alice", CancellationToken.None);
    }

    public async Task DisposeAsync() => await _ras.DisposeAsync();

    [ServiceFact]
    public async Task AssetPermission_WithoutGrant_IsForbiddenAndNamesThePermission()
    {
        var denied = await Assert.ThrowsAsync<ForbiddenException>(() =>
            Access.RequireAssetPermissionAsync(User("u-bob"), AssetType.Compute, "cluster-1", "VIEW", CancellationToken.None));
        Assert.Contains("VIEW", denied.Message);
        Assert.Contains("cluster-1", denied.Message);
    }

    [ServiceFact]
    public async Task AssetPermission_GrantedToUser_AllowsViewButNotUpdate_UntilRevoked()
    {
        var bob = User("u-bob");
        await Permissions.AddAsync(_bundle.Id, UserActor("u-bob"), Grant(AssetType.Compute, "VIEW"), CancellationToken.None);

        await Access.RequireAssetPermissionAsync(bob, AssetType.Compute, "cluster-1", "VIEW", CancellationToken.None);
        var update = await Assert.ThrowsAsync<ForbiddenException>(() =>
            Access.RequireAssetPermissionAsync(bob, AssetType.Compute, "cluster-1", "UPDATE", CancellationToken.None));
        Assert.Contains("UPDATE", update.Message);

        await Permissions.RevokeAsync(_bundle.Id, Identity.Access.ActorType.User, "u-bob", null, CancellationToken.None);
        await Assert.ThrowsAsync<ForbiddenException>(() =>
            Access.RequireAssetPermissionAsync(bob, AssetType.Compute, "cluster-1", "VIEW", CancellationToken.None));
    }

    [ServiceFact]
    public async Task AssetPermission_GrantedToAGroupOfTheCaller_Allows()
    {
        await Permissions.AddAsync(_bundle.Id, GroupActor("g-analysts"), Grant(AssetType.Compute, "VIEW"), CancellationToken.None);

        await Access.RequireAssetPermissionAsync(User("u-bob", "g-analysts"), AssetType.Compute, "cluster-1", "VIEW", CancellationToken.None);
        await Assert.ThrowsAsync<ForbiddenException>(() =>
            Access.RequireAssetPermissionAsync(User("u-carol", "g-other"), AssetType.Compute, "cluster-1", "VIEW", CancellationToken.None));
    }

    [ServiceFact]
    public async Task AssetPermission_OfAnotherAssetType_DoesNotCount()
    {
        await Permissions.AddAsync(_bundle.Id, UserActor("u-bob"), Grant(AssetType.SparkJob, "VIEW"), CancellationToken.None);

        await Assert.ThrowsAsync<ForbiddenException>(() =>
            Access.RequireAssetPermissionAsync(User("u-bob"), AssetType.Compute, "cluster-1", "VIEW", CancellationToken.None));
    }

    [ServiceFact]
    public async Task AssetPermission_BundleOwnerDomainOwnerManagerAndSuperAdmin_PassEverything()
    {
        foreach (var caller in new[] { User("u-alice"), User("u-admin"), WithRoles("u-dm", AdminRole.DomainManager), SuperAdmin("u-root") })
        {
            await Access.RequireAssetPermissionAsync(caller, AssetType.Compute, "cluster-1", "DELETE", CancellationToken.None);
        }
    }

    [ServiceFact]
    public async Task AssetPermission_OwnerGroupMember_Passes()
    {
        await _ras.Get<BundleStore>().UpdateAsync(_bundle.Id, null, GroupActor("g-owners"), CancellationToken.None);

        await Access.RequireAssetPermissionAsync(User("u-dave", "g-owners"), AssetType.Compute, "cluster-1", "UPDATE", CancellationToken.None);
        await Assert.ThrowsAsync<ForbiddenException>(() =>
            Access.RequireAssetPermissionAsync(User("u-alice"), AssetType.Compute, "cluster-1", "UPDATE", CancellationToken.None));
    }

    [ServiceFact]
    public async Task AssetPermission_ForAnAssetInNoBundle_IsForbiddenExceptForManagers()
    {
        await Assert.ThrowsAsync<ForbiddenException>(() =>
            Access.RequireAssetPermissionAsync(User("u-alice"), AssetType.Compute, "cluster-9", "VIEW", CancellationToken.None));
        await Access.RequireAssetPermissionAsync(WithRoles("u-dm", AdminRole.DomainManager), AssetType.Compute, "cluster-9", "VIEW", CancellationToken.None);
    }

    [ServiceFact]
    public async Task DomainPermission_GrantedInTheDomainBundle_Passes_OthersDoNot()
    {
        var bob = User("u-bob");
        await Assert.ThrowsAsync<ForbiddenException>(() =>
            Access.RequireDomainPermissionAsync(bob, "sales", DomainPermission.ManageAccessToken, CancellationToken.None));

        await Permissions.AddAsync(_domainBundleId, UserActor("u-bob"), Grant(AssetType.Domain, DomainPermission.ManageAccessToken), CancellationToken.None);

        await Access.RequireDomainPermissionAsync(bob, "sales", DomainPermission.ManageAccessToken, CancellationToken.None);
        var denied = await Assert.ThrowsAsync<ForbiddenException>(() =>
            Access.RequireDomainPermissionAsync(bob, "sales", DomainPermission.CreateCompute, CancellationToken.None));
        Assert.Contains(DomainPermission.CreateCompute, denied.Message);
    }

    [ServiceFact]
    public async Task DomainPermission_GrantedInAResourceBundleRow_DoesNotCount()
    {
        // Only the DOMAIN bundle carries domain permissions, even if a row slipped into another bundle.
        await Permissions.AddAsync(_bundle.Id, UserActor("u-bob"), Grant(AssetType.Domain, DomainPermission.CreateCompute), CancellationToken.None);

        await Assert.ThrowsAsync<ForbiddenException>(() =>
            Access.RequireDomainPermissionAsync(User("u-bob"), "sales", DomainPermission.CreateCompute, CancellationToken.None));
    }

    [ServiceFact]
    public async Task DomainPermission_DomainOwnerByGroup_AndDomainManager_Pass()
    {
        await _ras.Get<DomainStore>().UpdateAsync("sales", null, [new DomainOwner("GROUP", "g-sales-leads")], CancellationToken.None);

        await Access.RequireDomainPermissionAsync(User("u-erin", "g-sales-leads"), "sales", DomainPermission.CreateCompute, CancellationToken.None);
        await Access.RequireDomainPermissionAsync(WithRoles("u-dm", AdminRole.DomainManager), "sales", DomainPermission.CreateCompute, CancellationToken.None);
        await Assert.ThrowsAsync<ForbiddenException>(() =>
            Access.RequireDomainPermissionAsync(WithRoles("u-iam", AdminRole.IamManager, AdminRole.ReadOnlyAdmin), "sales", DomainPermission.CreateCompute, CancellationToken.None));
    }

    [ServiceFact]
    public async Task DomainPermission_InAnUnknownDomain_IsNotFound()
    {
        await Assert.ThrowsAsync<NotFoundException>(() =>
            Access.RequireDomainPermissionAsync(SuperAdmin(), "nowhere", DomainPermission.CreateCompute, CancellationToken.None));
    }

    [ServiceFact]
    public async Task CanAccessDomain_IsTrueForOwnersMembersAndManagers_Only()
    {
        await Permissions.AddAsync(_bundle.Id, UserActor("u-bob"), Grant(AssetType.Compute, "VIEW"), CancellationToken.None);

        Assert.True(await Access.CanAccessDomainAsync(User("u-alice"), "sales", CancellationToken.None));
        Assert.True(await Access.CanAccessDomainAsync(User("u-bob"), "sales", CancellationToken.None));
        Assert.True(await Access.CanAccessDomainAsync(User("u-admin"), "sales", CancellationToken.None));
        Assert.True(await Access.CanAccessDomainAsync(WithRoles("u-dm", AdminRole.DomainManager), "sales", CancellationToken.None));
        Assert.False(await Access.CanAccessDomainAsync(User("u-mallory"), "sales", CancellationToken.None));
        Assert.False(await Access.CanAccessDomainAsync(SuperAdmin(), "nowhere", CancellationToken.None));
    }

    [ServiceFact]
    public void RequireAdminRole_WithoutTheRole_IsForbidden_ReadOnlyAdminPassesReadsOnly()
    {
        var readOnly = WithRoles("u-ro", AdminRole.ReadOnlyAdmin);
        Access.RequireAdminRole(readOnly, AdminRole.DomainManager, forRead: true);
        var denied = Assert.Throws<ForbiddenException>(() => Access.RequireAdminRole(readOnly, AdminRole.DomainManager));
        Assert.Contains("DOMAIN_MANAGER", denied.Message);
    }

    private static Dictionary<AssetType, IReadOnlyList<string>> Grant(AssetType type, params string[] permissions) =>
        new() { [type] = permissions };
}

public sealed class AccessControlOnSqliteTests : AccessControlContract
{
    protected override Task<RasServices> StartAsync() => RasServices.OnSqliteAsync();
}

[NeedsServices(TestService.Postgres)]
public sealed class AccessControlOnPostgresTests : AccessControlContract
{
    protected override Task<RasServices> StartAsync() => RasServices.OnPostgresAsync();
}
