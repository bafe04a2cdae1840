using System.Net;
using Iomete.Functions.Identity.Tests.Auth;
using Iomete.Testing;

namespace Iomete.Functions.Identity.Tests.Tokens;

/// <summary>Expiry and bookkeeping that depend on time, on a platform whose clock the test moves.</summary>
public sealed class TokenLifetimeTests : IAsyncLifetime
{
    private readonly ManualClock _clock = new();
    private LocalPlatform? _platform;

    private LocalPlatform Platform => _platform!;

    public async Task InitializeAsync() => _platform = await Identities.StartWithClockAsync(_clock);

    public async Task DisposeAsync() => await _platform!.DisposeAsync();

    [Fact]
    public async Task SessionAccessToken_ExpiresAfterAnHour_AndTheRefreshTokenStillWorks()
    {
        using var anonymous = Platform.Anonymous();
        var login = await anonymous.PostJsonAsync("/api/v1/auth/login", new { username = "admin", password = LocalPlatform.AdminPassword }, HttpStatusCode.OK);
        using var client = Platform.WithBearer(login.Str("accessToken"));

        _clock.Advance(TimeSpan.FromMinutes(61));

        var problem = await client.GetJsonAsync("/api/v1/user", HttpStatusCode.Unauthorized);
        Assert.Contains("expired", problem.Str("detail"));
        var renewed = await anonymous.PostJsonAsync("/api/v1/auth/refresh", new { refreshToken = login.Str("refreshToken") }, HttpStatusCode.OK);
        using var fresh = Platform.WithBearer(renewed.Str("accessToken"));
        await fresh.GetJsonAsync("/api/v1/user");
    }

    [Fact]
    public async Task ExpiredSessions_CannotRefresh_AndThePurgeDeletesThem()
    {
        using var anonymous = Platform.Anonymous();
        var login = await anonymous.PostJsonAsync("/api/v1/auth/login", new { username = "admin", password = LocalPlatform.AdminPassword }, HttpStatusCode.OK);

        _clock.Advance(TimeSpan.FromDays(8));

        await anonymous.PostJsonAsync("/api/v1/auth/refresh", new { refreshToken = login.Str("refreshToken") }, HttpStatusCode.Unauthorized);
        using var system = Platform.WithInternalToken(Platform.AppApiToken());
        var purged = await system.PostJsonAsync("/internal/v1/identity/purge-sessions", new { }, HttpStatusCode.OK);
        Assert.True(purged.GetProperty("sessionsDeleted").GetInt32() >= 1);
        var again = await system.PostJsonAsync("/internal/v1/identity/purge-sessions", new { }, HttpStatusCode.OK);
        Assert.Equal(0, again.GetProperty("sessionsDeleted").GetInt32());
    }

    [Fact]
    public async Task AccessToken_StopsAtItsExpiry()
    {
        using var admin = await Platform.LoginAsync();
        var created = await admin.PostJsonAsync("/api/v1/auth/tokens", new { name = "hour", expiresAt = _clock.GetUtcNow().AddHours(1) }, HttpStatusCode.Created);
        using var client = Platform.WithApiToken(created.Str("token"));
        await client.GetJsonAsync("/api/v1/user");

        _clock.Advance(TimeSpan.FromMinutes(61));

        var problem = await client.GetJsonAsync("/api/v1/user", HttpStatusCode.Unauthorized);
        Assert.Contains("expired", problem.Str("detail"));
    }

    [Fact]
    public async Task LastUsed_IsWrittenAtMostOncePerMinute()
    {
        using var admin = await Platform.LoginAsync();
        await admin.PostJsonAsync("/api/v1/auth/tokens", new { name = "busy" }, HttpStatusCode.Created);
        var secret = (await admin.PostJsonAsync("/api/v1/auth/tokens", new { name = "used" }, HttpStatusCode.Created)).Str("token");
        using var client = Platform.WithApiToken(secret);

        await client.GetJsonAsync("/api/v1/user");
        var first = await LastUsedAsync(admin);
        _clock.Advance(TimeSpan.FromSeconds(30));
        await client.GetJsonAsync("/api/v1/user");
        Assert.Equal(first, await LastUsedAsync(admin));

        _clock.Advance(TimeSpan.FromSeconds(31));
        await client.GetJsonAsync("/api/v1/user");
        Assert.Equal(first + TimeSpan.FromSeconds(61), await LastUsedAsync(admin));
    }

    private static async Task<DateTimeOffset> LastUsedAsync(HttpClient admin)
    {
        var tokens = await admin.GetJsonAsync("/api/v1/auth/tokens?search=used");
        return Assert.Single(tokens.GetProperty("items").EnumerateArray()).GetProperty("lastUsed").GetDateTimeOffset();
    }
}
