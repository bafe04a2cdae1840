using System.Net;
using Iomete.Testing;

namespace Iomete.Functions.Identity.Tests.Auth;

public abstract class LoginTests<TPlatform>(TPlatform fixture) : IClassFixture<TPlatform>
    where TPlatform : PlatformFixture
{
    private LocalPlatform Platform => fixture.Platform;

    [ServiceFact]
    public async Task Login_AsAdmin_ReturnsBearerTokens()
    {
        using var client = Platform.Anonymous();
        var body = await client.PostJsonAsync("/api/v1/auth/login", new { username = "admin", password = LocalPlatform.AdminPassword }, HttpStatusCode.OK);

        Assert.StartsWith("ioms_", body.Str("accessToken"));
        Assert.StartsWith("iomr_", body.Str("refreshToken"));
        Assert.Equal("Bearer", body.Str("tokenType"));
        Assert.Equal(3600, body.GetProperty("expiresIn").GetInt32());
    }

    [ServiceFact]
    public async Task Login_UsernameIsCaseInsensitive()
    {
        using var client = Platform.Anonymous();
        await client.PostJsonAsync("/api/v1/auth/login", new { username = "ADMIN", password = LocalPlatform.AdminPassword }, HttpStatusCode.OK);
    }

    [ServiceFact]
    public async Task Login_WithWrongPasswordOrUnknownUser_ReturnsTheSame401()
    {
        using var client = Platform.Anonymous();
        var wrong = await client.PostJsonAsync("/api/v1/auth/login", new { username = "admin", password = "not-the-password" }, HttpStatusCode.Unauthorized);
        var unknown = await client.PostJsonAsync("/api/v1/auth/login", new { username = "nobody-here", password = "not-the-password" }, HttpStatusCode.Unauthorized);

        Assert.Equal(wrong.Str("detail"), unknown.Str("detail"));
        Assert.Equal("UNAUTHORIZED", wrong.Str("errorCode"));
    }

    [ServiceFact]
    public async Task Login_WithoutPassword_Returns400()
    {
        using var client = Platform.Anonymous();
        await client.PostJsonAsync("/api/v1/auth/login", new { username = "admin" }, HttpStatusCode.BadRequest);
    }

    [ServiceFact]
    public async Task CurrentUser_WithBearerToken_ShowsTheSuperAdmin()
    {
        using var client = await Platform.LoginAsync();
        var me = await client.GetJsonAsync("/api/v1/user");

        Assert.Equal("admin", me.Str("username"));
        Assert.True(me.GetProperty("isSuperAdmin").GetBoolean());
        Assert.Equal("PERSON", me.Str("type"));
    }

    [ServiceFact]
    public async Task CurrentUser_WithSessionTokenInXApiToken_Works()
    {
        var token = await Platform.AccessTokenAsync("admin", LocalPlatform.AdminPassword);
        using var client = Platform.WithApiToken(token);
        var me = await client.GetJsonAsync("/api/v1/user");

        Assert.Equal("admin", me.Str("username"));
    }

    [ServiceFact]
    public async Task CurrentUser_WithoutValidToken_Returns401()
    {
        foreach (var token in new[] { null, "ioms_not-a-real-token", "iom_not-a-real-token", "garbage" })
        {
            using var client = token is null ? Platform.Anonymous() : Platform.WithBearer(token);
            var problem = await client.GetJsonAsync("/api/v1/user", HttpStatusCode.Unauthorized);

            Assert.Equal("UNAUTHORIZED", problem.Str("errorCode"));
        }
    }
}

public sealed class LoginTestsOnSqlite(SqlitePlatform fixture) : LoginTests<SqlitePlatform>(fixture);

[NeedsServices(TestService.Postgres)]
public sealed class LoginTestsOnPostgres(PostgresPlatform fixture) : LoginTests<PostgresPlatform>(fixture);
