using System.Net;
using Iomete.Functions.Identity.Tests.Auth;
using Iomete.Testing;

namespace Iomete.Functions.Identity.Tests.Tokens;

public abstract class ServiceAccountTokenTests<TPlatform>(TPlatform fixture) : IClassFixture<TPlatform>
    where TPlatform : PlatformFixture
{
    private LocalPlatform Platform => fixture.Platform;

    [ServiceFact]
    public async Task IamManager_CreatesServiceAccountToken_ThatActsAsTheAccount()
    {
        using var admin = await Platform.LoginAsync();
        var name = Identities.Unique("robot");
        var account = (await admin.PostJsonAsync("/api/v1/admin/identity/users", new { username = name, type = "SERVICE_ACCOUNT" }, HttpStatusCode.Created)).Str("id");
        var path = $"/api/v1/auth/service-accounts/{account}/tokens";

        var created = await admin.PostJsonAsync(path, new { name = "pipeline" }, HttpStatusCode.Created);
        Assert.Equal("admin", created.Str("createdBy"));
        using var robot = Platform.WithApiToken(created.Str("token"));
        var me = await robot.GetJsonAsync("/api/v1/user");
        Assert.Equal(name, me.Str("username"));
        Assert.Equal("SERVICE_ACCOUNT", me.Str("type"));

        Assert.Single((await admin.GetJsonAsync(path)).GetProperty("items").EnumerateArray());
        await admin.PatchJsonAsync($"{path}/pipeline", new { status = "SUSPENDED" }, HttpStatusCode.OK);
        await robot.GetJsonAsync("/api/v1/user", HttpStatusCode.Unauthorized);
        await admin.DeleteAsync($"{path}/pipeline", HttpStatusCode.NoContent);
        Assert.Empty((await admin.GetJsonAsync(path)).GetProperty("items").EnumerateArray());
    }

    [ServiceFact]
    public async Task ServiceAccountRoutes_RefuseAPersonAndAPlainUser()
    {
        using var admin = await Platform.LoginAsync();
        var person = Identities.Unique("human");
        var personId = await admin.CreateUserAsync(person);
        await admin.PostJsonAsync($"/api/v1/auth/service-accounts/{personId}/tokens", new { name = "x" }, HttpStatusCode.NotFound);
        await admin.GetJsonAsync("/api/v1/auth/service-accounts/nobody/tokens", HttpStatusCode.NotFound);

        var account = (await admin.PostJsonAsync("/api/v1/admin/identity/users", new { username = Identities.Unique("bot"), type = "SERVICE_ACCOUNT" }, HttpStatusCode.Created)).Str("id");
        using var plain = await Platform.LoginAsync(person, Identities.Password);
        await plain.PostJsonAsync($"/api/v1/auth/service-accounts/{account}/tokens", new { name = "x" }, HttpStatusCode.Forbidden);
        await plain.GetJsonAsync($"/api/v1/auth/service-accounts/{account}/tokens", HttpStatusCode.Forbidden);
    }
}

public sealed class ServiceAccountTokenTestsOnSqlite(SqlitePlatform fixture) : ServiceAccountTokenTests<SqlitePlatform>(fixture);

[NeedsServices(TestService.Postgres)]
public sealed class ServiceAccountTokenTestsOnPostgres(PostgresPlatform fixture) : ServiceAccountTokenTests<PostgresPlatform>(fixture);
