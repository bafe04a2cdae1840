using System.Net;
using System.Net.Http.Json;
using Iomete.Testing;

namespace Iomete.Functions.Identity.Tests.Auth;

public abstract class SessionTests<TPlatform>(TPlatform fixture) : IClassFixture<TPlatform>
    where TPlatform : PlatformFixture
{
    private LocalPlatform Platform => fixture.Platform;

    private async Task<(string Access, string Refresh)> LoginAsync()
    {
        using var client = Platform.Anonymous();
        var body = await client.PostJsonAsync("/api/v1/auth/login", new { username = "admin", password = LocalPlatform.AdminPassword }, HttpStatusCode.OK);
        return (body.Str("accessToken"), body.Str("refreshToken"));
    }

    [ServiceFact]
    public async Task Refresh_RotatesTokens_AndTheOldAccessTokenStops()
    {
        var (access, refresh) = await LoginAsync();
        using var anonymous = Platform.Anonymous();
        var renewed = await anonymous.PostJsonAsync("/api/v1/auth/refresh", new { refreshToken = refresh }, HttpStatusCode.OK);

        Assert.NotEqual(refresh, renewed.Str("refreshToken"));
        using var fresh = Platform.WithBearer(renewed.Str("accessToken"));
        await fresh.GetJsonAsync("/api/v1/user");
        using var stale = Platform.WithBearer(access);
        await stale.GetJsonAsync("/api/v1/user", HttpStatusCode.Unauthorized);
    }

    [ServiceFact]
    public async Task Refresh_WithAnAlreadyUsedToken_Returns401_AndEndsTheSession()
    {
        var (_, refresh) = await LoginAsync();
        using var anonymous = Platform.Anonymous();
        var renewed = await anonymous.PostJsonAsync("/api/v1/auth/refresh", new { refreshToken = refresh }, HttpStatusCode.OK);

        await anonymous.PostJsonAsync("/api/v1/auth/refresh", new { refreshToken = refresh }, HttpStatusCode.Unauthorized);

        // A replayed refresh token means it leaked: the thief's and the owner's session both end.
        using var owner = Platform.WithBearer(renewed.Str("accessToken"));
        await owner.GetJsonAsync("/api/v1/user", HttpStatusCode.Unauthorized);
        await anonymous.PostJsonAsync("/api/v1/auth/refresh", new { refreshToken = renewed.Str("refreshToken") }, HttpStatusCode.Unauthorized);
    }

    [ServiceFact]
    public async Task Refresh_WithUnknownToken_Returns401()
    {
        using var anonymous = Platform.Anonymous();
        await anonymous.PostJsonAsync("/api/v1/auth/refresh", new { refreshToken = "iomr_unknown" }, HttpStatusCode.Unauthorized);
        await anonymous.PostJsonAsync("/api/v1/auth/refresh", new { refreshToken = "other" }, HttpStatusCode.Unauthorized);
    }

    [ServiceFact]
    public async Task Logout_RevokesAccessAndRefreshTokens()
    {
        var (access, refresh) = await LoginAsync();
        using var client = Platform.WithBearer(access);
        using (var response = await client.PostAsync("/api/v1/auth/logout", null))
        {
            Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        }

        await client.GetJsonAsync("/api/v1/user", HttpStatusCode.Unauthorized);
        using var anonymous = Platform.Anonymous();
        await anonymous.PostJsonAsync("/api/v1/auth/refresh", new { refreshToken = refresh }, HttpStatusCode.Unauthorized);
    }

    [ServiceFact]
    public async Task Logout_WithoutToken_Returns401()
    {
        using var anonymous = Platform.Anonymous();
        using var response = await anonymous.PostAsync("/api/v1/auth/logout", null);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [ServiceFact]
    public async Task PurgeSessions_AsUser_Returns403()
    {
        using var admin = await Platform.LoginAsync();
        using var response = await admin.PostAsync("/internal/v1/identity/purge-sessions", null);
        await response.JsonAsync(HttpStatusCode.Forbidden);
    }

    [ServiceFact]
    public async Task PurgeSessions_WithAppToken_Succeeds_AndWrongAppTokenIs401()
    {
        using var platform = Platform.WithInternalToken(Platform.AppApiToken());
        var result = await platform.PostJsonAsync("/internal/v1/identity/purge-sessions", new { }, HttpStatusCode.OK);
        Assert.True(result.GetProperty("sessionsDeleted").GetInt32() >= 0);

        using var forged = Platform.WithInternalToken("not-the-app-token");
        await forged.PostJsonAsync("/internal/v1/identity/purge-sessions", new { }, HttpStatusCode.Unauthorized);
    }

    [ServiceFact]
    public async Task ChangePassword_WithWrongCurrentPassword_Returns400()
    {
        using var admin = await Platform.LoginAsync();
        using var response = await admin.PutAsJsonAsync("/api/v1/user/password", new { currentPassword = "wrong-password", newPassword = "Another-Password-2" });
        var problem = await response.JsonAsync(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("currentPassword", out _));
    }
}

public sealed class SessionTestsOnSqlite(SqlitePlatform fixture) : SessionTests<SqlitePlatform>(fixture);

[NeedsServices(TestService.Postgres)]
public sealed class SessionTestsOnPostgres(PostgresPlatform fixture) : SessionTests<PostgresPlatform>(fixture);
