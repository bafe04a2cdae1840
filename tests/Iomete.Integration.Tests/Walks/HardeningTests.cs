using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Iomete.Integration.Tests.Walks;

/// <summary>
/// OWASP API Top 10 checks from outside: security headers on every answer (errors too), no mass assignment of
/// server-owned fields, and no object-level access to another user's objects by id (BOLA).
/// </summary>
public sealed class HardeningTests(PlatformFixture fixture) : IClassFixture<PlatformFixture>
{
    private const string Password = "Hardening-pass-123";

    [Theory]
    [InlineData("/healthz", HttpStatusCode.OK)]
    [InlineData("/api/v1/admin/identity/users", HttpStatusCode.Unauthorized)]
    [InlineData("/api/v1/no-such-route", HttpStatusCode.NotFound)]
    public async Task EveryAnswer_CarriesTheSecurityHeaders(string url, HttpStatusCode expected)
    {
        using var anonymous = fixture.Platform.Anonymous();
        using var response = await anonymous.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServerOwnedFields_CannotBeAssigned()
    {
        using var admin = await fixture.Platform.LoginAsync();
        using var created = await admin.PostAsJsonAsync("/api/v1/admin/identity/users", new
        {
            username = "mallory", email = "mallory@example.com", password = Password,
            id = "chosen-id", isSuperAdmin = true, origin = "LDAP", status = "ACTIVE", createdBy = "someone", adminRoles = new[] { "IAM_MANAGER" },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var user = JsonDocument.Parse(await created.Content.ReadAsStringAsync()).RootElement;
        Assert.NotEqual("chosen-id", user.GetProperty("id").GetString());
        Assert.Equal("IOMETE", user.GetProperty("origin").GetString());
        Assert.DoesNotContain("passwordHash", user.GetRawText(), StringComparison.OrdinalIgnoreCase);

        using var mallory = await fixture.Platform.LoginAsync("mallory", Password);
        using var forbidden = await mallory.GetAsync(new Uri("/api/v1/admin/identity/users", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        var me = JsonDocument.Parse(await mallory.GetStringAsync(new Uri("/api/v1/user", UriKind.Relative))).RootElement;
        Assert.DoesNotContain("IAM_MANAGER", me.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnotherUsersTokens_AndQueries_AreNotReachableById()
    {
        using var admin = await fixture.Platform.LoginAsync();
        foreach (var name in new[] { "owner-a", "snoop-b" })
        {
            using var created = await admin.PostAsJsonAsync("/api/v1/admin/identity/users", new { username = name, email = name + "@example.com", password = Password });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }
        var bundle = JsonDocument.Parse(await admin.GetStringAsync(new Uri("/api/v1/admin/domains/default", UriKind.Relative))).RootElement.GetProperty("bundleId").GetString();
        foreach (var name in new[] { "owner-a", "snoop-b" })
        {
            using var granted = await admin.PostAsJsonAsync($"/api/v1/bundles/{bundle}/permissions",
                new { actorId = name, actorType = "USER", permissions = new Dictionary<string, string[]> { ["DOMAIN"] = ["VIEW_DATA_CATALOG"] } });
            Assert.Equal(HttpStatusCode.OK, granted.StatusCode);
        }
        using var owner = await fixture.Platform.LoginAsync("owner-a", Password);
        using var snoop = await fixture.Platform.LoginAsync("snoop-b", Password);

        using var tokenResponse = await owner.PostAsJsonAsync("/api/v1/auth/tokens", new { name = "mine" });
        Assert.Equal(HttpStatusCode.Created, tokenResponse.StatusCode);
        using var queryResponse = await owner.PostAsJsonAsync("/api/v1/domains/default/sql/queries?wait=30", new { query = "SELECT 42", computeCluster = "local" });
        var queryId = JsonDocument.Parse(await queryResponse.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetString();

        var attempts = new (HttpMethod Method, string Url)[]
        {
            (HttpMethod.Delete, "/api/v1/auth/tokens/mine"),
            (HttpMethod.Get, $"/api/v1/domains/default/sql/queries/{queryId}"),
            (HttpMethod.Get, $"/api/v1/domains/default/sql/queries/{queryId}/results"),
            (HttpMethod.Get, $"/api/v1/domains/default/sql/queries/{queryId}/results/download?format=csv"),
            (HttpMethod.Post, $"/api/v1/domains/default/sql/queries/{queryId}/cancel"),
        };
        foreach (var (method, url) in attempts)
        {
            using var request = new HttpRequestMessage(method, url);
            using var response = await snoop.SendAsync(request);
            Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound,
                $"{method} {url} as another user: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
        // The owner still has both.
        using var mine = await owner.GetAsync(new Uri($"/api/v1/domains/default/sql/queries/{queryId}/results", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, mine.StatusCode);
        var tokens = await owner.GetStringAsync(new Uri("/api/v1/auth/tokens", UriKind.Relative));
        Assert.Contains("\"mine\"", tokens, StringComparison.Ordinal);
    }
}
