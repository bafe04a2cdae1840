using System.Net;
using Iomete.Functions.Identity.Tests.Auth;
using Iomete.Testing;

namespace Iomete.Functions.Identity.Tests.Tokens;

public abstract class AccessTokenTests<TPlatform>(TPlatform fixture) : IClassFixture<TPlatform>
    where TPlatform : PlatformFixture
{
    private const string Tokens = "/api/v1/auth/tokens";
    private LocalPlatform Platform => fixture.Platform;

    private async Task<(HttpClient User, string Username)> NewUserAsync()
    {
        using var admin = await Platform.LoginAsync();
        var name = Identities.Unique("pat");
        await admin.CreateUserAsync(name);
        return (await Platform.LoginAsync(name, Identities.Password), name);
    }

    [ServiceFact]
    public async Task PersonalToken_WorksAsXApiTokenAndBearer_AndIsShownOnce()
    {
        var (user, username) = await NewUserAsync();
        using var disposeUser = user;
        var created = await user.PostJsonAsync(Tokens, new { name = "ci", maxRps = 50 }, HttpStatusCode.Created);
        var secret = created.Str("token");
        Assert.StartsWith("iom_", secret);
        Assert.Equal("ACTIVE", created.Str("status"));

        using var viaHeader = Platform.WithApiToken(secret);
        Assert.Equal(username, (await viaHeader.GetJsonAsync("/api/v1/user")).Str("username"));
        using var viaBearer = Platform.WithBearer(secret);
        Assert.Equal(username, (await viaBearer.GetJsonAsync("/api/v1/user")).Str("username"));

        var listed = Assert.Single((await user.GetJsonAsync(Tokens)).GetProperty("items").EnumerateArray());
        Assert.Equal("ci", listed.Str("name"));
        Assert.False(listed.TryGetProperty("token", out _));
        Assert.True(listed.TryGetProperty("lastUsed", out _));
        Assert.Equal(50, listed.GetProperty("maxRps").GetInt32());
    }

    [ServiceFact]
    public async Task CreateToken_WithTakenOrBadNameOrPastExpiry_IsRejected()
    {
        var (user, _) = await NewUserAsync();
        using var disposeUser = user;
        await user.PostJsonAsync(Tokens, new { name = "dup" }, HttpStatusCode.Created);

        await user.PostJsonAsync(Tokens, new { name = "dup" }, HttpStatusCode.Conflict);
        await user.PostJsonAsync(Tokens, new { name = "has space" }, HttpStatusCode.BadRequest);
        await user.PostJsonAsync(Tokens, new { name = "old", expiresAt = DateTimeOffset.UtcNow.AddDays(-1) }, HttpStatusCode.BadRequest);
        await user.PostJsonAsync(Tokens, new { name = "slow", maxRps = 0 }, HttpStatusCode.BadRequest);
    }

    [ServiceFact]
    public async Task CreateToken_BeyondTheMaximumLifetime_IsCapped()
    {
        var (user, _) = await NewUserAsync();
        using var disposeUser = user;
        var created = await user.PostJsonAsync(Tokens, new { name = "forever", expiresAt = DateTimeOffset.UtcNow.AddYears(10) }, HttpStatusCode.Created);
        var expires = created.GetProperty("expiresAt").GetDateTimeOffset();
        Assert.InRange(expires, DateTimeOffset.UtcNow.AddDays(364), DateTimeOffset.UtcNow.AddDays(366));

        var soon = DateTimeOffset.UtcNow.AddDays(2);
        var chosen = await user.PostJsonAsync(Tokens, new { name = "soon", expiresAt = soon }, HttpStatusCode.Created);
        Assert.Equal(soon.ToUnixTimeMilliseconds(), chosen.GetProperty("expiresAt").GetDateTimeOffset().ToUnixTimeMilliseconds());
    }

    [ServiceFact]
    public async Task SuspendedToken_Returns401_UntilReactivated()
    {
        var (user, _) = await NewUserAsync();
        using var disposeUser = user;
        var secret = (await user.PostJsonAsync(Tokens, new { name = "pausable" }, HttpStatusCode.Created)).Str("token");
        using var client = Platform.WithApiToken(secret);
        await client.GetJsonAsync("/api/v1/user");

        var suspended = await user.PatchJsonAsync($"{Tokens}/pausable", new { status = "SUSPENDED" }, HttpStatusCode.OK);
        Assert.Equal("SUSPENDED", suspended.Str("status"));
        var problem = await client.GetJsonAsync("/api/v1/user", HttpStatusCode.Unauthorized);
        Assert.Contains("suspended", problem.Str("detail"));

        await user.PatchJsonAsync($"{Tokens}/pausable", new { status = "ACTIVE" }, HttpStatusCode.OK);
        await client.GetJsonAsync("/api/v1/user");
        await user.PatchJsonAsync($"{Tokens}/pausable", new { }, HttpStatusCode.BadRequest);
        await user.PatchJsonAsync($"{Tokens}/missing", new { status = "ACTIVE" }, HttpStatusCode.NotFound);
    }

    [ServiceFact]
    public async Task DeletedToken_Returns401()
    {
        var (user, _) = await NewUserAsync();
        using var disposeUser = user;
        var secret = (await user.PostJsonAsync(Tokens, new { name = "short-lived" }, HttpStatusCode.Created)).Str("token");

        await user.DeleteAsync($"{Tokens}/short-lived", HttpStatusCode.NoContent);

        using var client = Platform.WithApiToken(secret);
        await client.GetJsonAsync("/api/v1/user", HttpStatusCode.Unauthorized);
        await user.DeleteAsync($"{Tokens}/short-lived", HttpStatusCode.NotFound);
    }

    [ServiceFact]
    public async Task TokenOfADeletedUser_Returns401()
    {
        using var admin = await Platform.LoginAsync();
        var name = Identities.Unique("leaver");
        var id = await admin.CreateUserAsync(name);
        using var user = await Platform.LoginAsync(name, Identities.Password);
        var secret = (await user.PostJsonAsync(Tokens, new { name = "mine" }, HttpStatusCode.Created)).Str("token");

        await admin.DeleteAsync($"/api/v1/admin/identity/users/{id}", HttpStatusCode.NoContent);

        using var client = Platform.WithApiToken(secret);
        await client.GetJsonAsync("/api/v1/user", HttpStatusCode.Unauthorized);
    }

    [ServiceFact]
    public async Task TokenWithMaxRps_Returns429WithRetryAfter_WhenExceeded()
    {
        var (user, _) = await NewUserAsync();
        using var disposeUser = user;
        var secret = (await user.PostJsonAsync(Tokens, new { name = "limited", maxRps = 2 }, HttpStatusCode.Created)).Str("token");
        using var client = Platform.WithApiToken(secret);

        var statuses = new List<HttpStatusCode>();
        TimeSpan? retryAfter = null;
        for (var i = 0; i < 6; i++)
        {
            using var response = await client.GetAsync("/api/v1/user");
            statuses.Add(response.StatusCode);
            retryAfter ??= response.Headers.RetryAfter?.Delta;
        }
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK], statuses.Take(2));
        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
        Assert.NotNull(retryAfter);
        Assert.True(retryAfter >= TimeSpan.FromSeconds(1));

        await user.PatchJsonAsync($"{Tokens}/limited", new { maxRps = 0 }, HttpStatusCode.OK);
        for (var i = 0; i < 6; i++)
        {
            await client.GetJsonAsync("/api/v1/user");
        }
    }

    [ServiceFact]
    public async Task UnknownApiToken_Returns401()
    {
        using var client = Platform.WithApiToken("iom_this-token-does-not-exist");
        var problem = await client.GetJsonAsync("/api/v1/user", HttpStatusCode.Unauthorized);
        Assert.Equal("UNAUTHORIZED", problem.Str("errorCode"));
    }
}

public sealed class AccessTokenTestsOnSqlite(SqlitePlatform fixture) : AccessTokenTests<SqlitePlatform>(fixture);

[NeedsServices(TestService.Postgres)]
public sealed class AccessTokenTestsOnPostgres(PostgresPlatform fixture) : AccessTokenTests<PostgresPlatform>(fixture);
