using System.Net;
using System.Net.Http.Json;
using Iomete.Testing;

namespace Iomete.Functions.Identity.Tests.Auth;

/// <summary>Each test gets its own platform: failed logins are counted per platform database.</summary>
public sealed class LoginThrottleTests
{
    private static async Task<HttpResponseMessage> LoginAsync(HttpClient client, string username, string password) =>
        await client.PostAsJsonAsync("/api/v1/auth/login", new { username, password });

    [Fact]
    public async Task FiveFailures_ForAUsername_Answer429_EvenWithTheRightPassword_UntilTheWindowPasses()
    {
        var clock = new ManualClock();
        await using var platform = await Identities.StartWithClockAsync(clock);
        using var client = platform.Anonymous();
        for (var i = 0; i < 5; i++)
        {
            using var failed = await LoginAsync(client, "admin", "wrong-password");
            Assert.Equal(HttpStatusCode.Unauthorized, failed.StatusCode);
            clock.Advance(TimeSpan.FromSeconds(10));
        }

        using (var blocked = await LoginAsync(client, "admin", LocalPlatform.AdminPassword))
        {
            var problem = await blocked.JsonAsync(HttpStatusCode.TooManyRequests);
            Assert.Equal("TOO_MANY_REQUESTS", problem.Str("errorCode"));
            // The oldest failure was 50 s ago; it leaves the 5-minute window in 250 s.
            Assert.Equal(TimeSpan.FromSeconds(250), blocked.Headers.RetryAfter?.Delta);
        }

        clock.Advance(TimeSpan.FromSeconds(249));
        using (var stillBlocked = await LoginAsync(client, "admin", LocalPlatform.AdminPassword))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, stillBlocked.StatusCode);
        }
        clock.Advance(TimeSpan.FromSeconds(2));
        using var allowed = await LoginAsync(client, "admin", LocalPlatform.AdminPassword);
        await allowed.JsonAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task FiveFailures_FromOneClientIp_AcrossUsernames_Answer429()
    {
        await using var platform = await LocalPlatform.StartAsync(new Dictionary<string, string?> { ["Iomete:Identity:MaxFailedLogins"] = "100" });
        using var client = platform.Anonymous();
        for (var i = 0; i < 5; i++)
        {
            using var failed = await LoginAsync(client, $"guess-{i}", "wrong-password");
            Assert.Equal(HttpStatusCode.Unauthorized, failed.StatusCode);
        }

        using var blocked = await LoginAsync(client, "admin", LocalPlatform.AdminPassword);
        Assert.Equal(HttpStatusCode.TooManyRequests, blocked.StatusCode);
        Assert.NotNull(blocked.Headers.RetryAfter?.Delta);
    }

    [Fact]
    public async Task ASuccessfulLogin_ForgetsTheUsernamesFailures()
    {
        await using var platform = await LocalPlatform.StartAsync(new Dictionary<string, string?> { ["Iomete:Identity:MaxFailedLoginsPerIp"] = "100" });
        using var client = platform.Anonymous();
        for (var round = 0; round < 2; round++)
        {
            for (var i = 0; i < 4; i++)
            {
                using var failed = await LoginAsync(client, "admin", "wrong-password");
                Assert.Equal(HttpStatusCode.Unauthorized, failed.StatusCode);
            }
            using var ok = await LoginAsync(client, "admin", LocalPlatform.AdminPassword);
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }
    }
}
