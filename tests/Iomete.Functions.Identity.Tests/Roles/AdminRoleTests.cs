using System.Net;
using Iomete.Functions.Identity.Tests.Auth;
using Iomete.Testing;

namespace Iomete.Functions.Identity.Tests.Roles;

public abstract class AdminRoleTests<TPlatform>(TPlatform fixture) : IClassFixture<TPlatform>
    where TPlatform : PlatformFixture
{
    private LocalPlatform Platform => fixture.Platform;

    [ServiceFact]
    public async Task ListRoles_ShowsTheSevenFixedRoles()
    {
        using var admin = await Platform.LoginAsync();
        var roles = await admin.GetJsonAsync("/api/v1/admin/identity/roles");
        var names = roles.EnumerateArray().Select(r => r.Str("name")).ToList();
        Assert.Equal(
            ["DOMAIN_MANAGER", "IAM_MANAGER", "SPARK_CATALOG_MANAGER", "DATA_SECURITY_AND_AUDIT_MANAGER",
             "COMPUTE_RESOURCES_MANAGER", "ADMINISTRATION_MANAGER", "READ_ONLY_ADMIN"],
            names);
    }

    [ServiceFact]
    public async Task IamManagerThroughParentGroup_CanCreateUsers_AndSeesTheRole()
    {
        using var admin = await Platform.LoginAsync();
        var managers = await admin.CreateGroupAsync(Identities.Unique("iam-managers"));
        var team = await admin.CreateGroupAsync(Identities.Unique("team"));
        await admin.AddSubgroupAsync(managers, team);
        await admin.PutJsonAsync($"/api/v1/admin/identity/groups/{managers}/roles", new { roles = new[] { "IAM_MANAGER" } }, HttpStatusCode.OK);
        var name = Identities.Unique("delegate");
        var id = await admin.CreateUserAsync(name);
        await admin.AddMemberAsync(team, id);

        using var client = await Platform.LoginAsync(name, Identities.Password);
        var me = await client.GetJsonAsync("/api/v1/user");
        Assert.Contains("IAM_MANAGER", me.GetProperty("adminRoles").EnumerateArray().Select(r => r.GetString()));
        Assert.False(me.GetProperty("isSuperAdmin").GetBoolean());
        await client.PostJsonAsync("/api/v1/admin/identity/users", new { username = Identities.Unique("made-by-delegate") }, HttpStatusCode.Created);

        var roles = await admin.GetJsonAsync($"/api/v1/admin/identity/users/{id}/roles");
        Assert.Empty(roles.GetProperty("roles").EnumerateArray());
        Assert.Equal(["IAM_MANAGER"], roles.GetProperty("effectiveRoles").EnumerateArray().Select(r => r.GetString()!).ToList());
    }

    [ServiceFact]
    public async Task RolesTakeEffectOnTheNextRequest_AndRemovingThemDenies()
    {
        using var admin = await Platform.LoginAsync();
        var name = Identities.Unique("direct");
        var id = await admin.CreateUserAsync(name);
        using var client = await Platform.LoginAsync(name, Identities.Password);
        await client.GetJsonAsync("/api/v1/admin/identity/groups", HttpStatusCode.Forbidden);

        await admin.PutJsonAsync($"/api/v1/admin/identity/users/{id}/roles", new { roles = new[] { "IAM_MANAGER", "IAM_MANAGER" } }, HttpStatusCode.OK);
        await client.GetJsonAsync("/api/v1/admin/identity/groups");

        await admin.PutJsonAsync($"/api/v1/admin/identity/users/{id}/roles", new { roles = Array.Empty<string>() }, HttpStatusCode.OK);
        await client.GetJsonAsync("/api/v1/admin/identity/groups", HttpStatusCode.Forbidden);
    }

    [ServiceFact]
    public async Task ReadOnlyAdmin_CanReadButNotChange()
    {
        using var admin = await Platform.LoginAsync();
        var name = Identities.Unique("reader");
        var id = await admin.CreateUserAsync(name);
        await admin.PutJsonAsync($"/api/v1/admin/identity/users/{id}/roles", new { roles = new[] { "READ_ONLY_ADMIN" } }, HttpStatusCode.OK);
        using var client = await Platform.LoginAsync(name, Identities.Password);

        await client.GetJsonAsync("/api/v1/admin/identity/users");
        await client.GetJsonAsync($"/api/v1/admin/identity/users/{id}/roles");
        await client.PostJsonAsync("/api/v1/admin/identity/groups", new { name = Identities.Unique("nope") }, HttpStatusCode.Forbidden);
        await client.PutJsonAsync($"/api/v1/admin/identity/users/{id}/roles", new { roles = new[] { "IAM_MANAGER" } }, HttpStatusCode.Forbidden);
    }

    [ServiceFact]
    public async Task SetRoles_WithUnknownRoleOrUnknownPrincipal_IsRejected()
    {
        using var admin = await Platform.LoginAsync();
        var id = await admin.CreateUserAsync(Identities.Unique("bad-role"));
        await admin.PutJsonAsync($"/api/v1/admin/identity/users/{id}/roles", new { roles = new[] { "GOD_MODE" } }, HttpStatusCode.BadRequest);
        await admin.PutJsonAsync("/api/v1/admin/identity/users/nobody/roles", new { roles = new[] { "IAM_MANAGER" } }, HttpStatusCode.NotFound);
        await admin.PutJsonAsync("/api/v1/admin/identity/groups/nothing/roles", new { roles = new[] { "IAM_MANAGER" } }, HttpStatusCode.NotFound);
        await admin.GetJsonAsync("/api/v1/admin/identity/groups/nothing/roles", HttpStatusCode.NotFound);
    }
}

public sealed class AdminRoleTestsOnSqlite(SqlitePlatform fixture) : AdminRoleTests<SqlitePlatform>(fixture);

[NeedsServices(TestService.Postgres)]
public sealed class AdminRoleTestsOnPostgres(PostgresPlatform fixture) : AdminRoleTests<PostgresPlatform>(fixture);
