using Iomete.Functions.Identity.Bundles;
using Iomete.Functions.Identity.Domains;
using Iomete.Functions.Identity.Tests.Access;
using Iomete.Platform.Security;
using Iomete.Testing;
using static Iomete.Functions.Identity.Tests.Access.RasServices;

namespace Iomete.Functions.Identity.Tests.Domains;

public abstract class UserDomainsQueryContract : IAsyncLifetime
{
    private RasServices _ras = null!;

    protected abstract Task<RasServices> StartAsync();
    private UserDomainsQuery Query => _ras.Get<UserDomainsQuery>();

    public async Task InitializeAsync()
    {
        _ras = await StartAsync();
        var domains = _ras.Get<DomainStore>();
        await domains.CreateAsync("sales", "Sales", [new DomainOwner("USER", "u-admin")], "admin", CancellationToken.None);
        await domains.CreateAsync("hr", "HR", [new DomainOwner("GROUP", "g-hr")], "admin", CancellationToken.None);
    }

    public async Task DisposeAsync() => await _ras.DisposeAsync();

    [ServiceFact]
    public async Task ACallerWithoutAnyAccess_SeesNoDomain()
    {
        Assert.Empty(await Query.ListAsync(User("u-nobody"), CancellationToken.None));
    }

    [ServiceFact]
    public async Task OwnersSeeAllPermissions_MembersSeeTheirDomainPermissions_ManagersSeeEveryDomain()
    {
        var sales = await _ras.Get<DomainStore>().GetAsync("sales", CancellationToken.None);
        await _ras.Get<BundlePermissionStore>().AddAsync(sales.BundleId!, GroupActor("g-hr"),
            new Dictionary<AssetType, IReadOnlyList<string>> { [AssetType.Domain] = [DomainPermission.ViewSecrets, DomainPermission.CreateCompute] },
            CancellationToken.None);

        var hrMember = await Query.ListAsync(User("u-erin", "g-hr"), CancellationToken.None);

        Assert.Equal(["hr", "sales"], hrMember.Select(d => d.Domain.Id));
        Assert.True(hrMember[0].IsOwner);
        Assert.Equal(DomainPermission.All, hrMember[0].Permissions);
        Assert.False(hrMember[1].IsOwner);
        Assert.Equal(sales.BundleId, hrMember[1].Bundle.BundleId);
        Assert.Equal([DomainPermission.CreateCompute, DomainPermission.ViewSecrets], hrMember[1].Permissions);

        var manager = await Query.ListAsync(WithRoles("u-dm", AdminRole.DomainManager), CancellationToken.None);
        Assert.Equal(["hr", "sales"], manager.Select(d => d.Domain.Id));
        Assert.All(manager, d => Assert.True(d.IsOwner));
    }

    [ServiceFact]
    public async Task OwningABundle_GivesAccessToItsDomain_WithoutDomainPermissions()
    {
        await _ras.Get<BundleStore>().CreateAsync("sales", "mine", null, UserActor("u-alice"), "alice", CancellationToken.None);

        var entry = Assert.Single(await Query.ListAsync(User("u-alice"), CancellationToken.None));

        Assert.Equal("sales", entry.Domain.Id);
        Assert.Empty(entry.Permissions);
    }
}

public sealed class UserDomainsQueryOnSqliteTests : UserDomainsQueryContract
{
    protected override Task<RasServices> StartAsync() => RasServices.OnSqliteAsync();
}

[NeedsServices(TestService.Postgres)]
public sealed class UserDomainsQueryOnPostgresTests : UserDomainsQueryContract
{
    protected override Task<RasServices> StartAsync() => RasServices.OnPostgresAsync();
}
