using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Iomete.Integration.Tests.Walks;

/// <summary>
/// A signed-in user with no admin role and no bundle permission reaches no admin function and
/// nothing in a domain it has no access to.
/// </summary>
public sealed class PlainUserTests(PlatformFixture fixture) : IClassFixture<PlatformFixture>
{
    [Fact]
    public async Task APlainUser_IsForbiddenFromEveryAdminAndDomainFunction()
    {
        using var admin = await fixture.Platform.LoginAsync();
        const string password = "Plain-user-pass-1";
        using (var created = await admin.PostAsJsonAsync("/api/v1/admin/identity/users",
                   new { username = "plain", email = "plain@example.com", firstName = "Plain", lastName = "User", password }))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }
        using var plain = await fixture.Platform.LoginAsync("plain", password);

        var allowedOwnAccount = new[] { "/api/v1/user", "/api/v2/user", "/api/v1/auth/" };
        var walked = 0;
        var failures = new List<string>();
        foreach (var (function, method, url) in RouteSample.All(name => name == "domain" ? "default" : "no-such-" + name))
        {
            var isAdmin = url.StartsWith("/api/v1/admin/", StringComparison.Ordinal) || url.StartsWith("/api/v2/admin/", StringComparison.Ordinal) ||
                          url.StartsWith("/api/v1/system-config", StringComparison.Ordinal) || url.StartsWith("/api/v1/auth/service-accounts", StringComparison.Ordinal);
            var isDomain = url.StartsWith("/api/v1/domains/default/", StringComparison.Ordinal);
            if ((!isAdmin && !isDomain) || allowedOwnAccount.Any(p => url.StartsWith(p, StringComparison.Ordinal) && !url.Contains("service-accounts", StringComparison.Ordinal)))
            {
                continue;
            }
            using var request = new HttpRequestMessage(new HttpMethod(method), url)
            {
                Content = method is "GET" or "DELETE" ? null : new StringContent("{}", Encoding.UTF8, "application/json"),
            };
            using var response = await plain.SendAsync(request);
            walked++;
            if (response.StatusCode != HttpStatusCode.Forbidden)
            {
                failures.Add($"{function.Name} {method} {url}: {(int)response.StatusCode}");
            }
        }
        Assert.True(walked > 10, $"only {walked} functions walked");
        Assert.True(failures.Count == 0, "Not forbidden for a plain user:\n" + string.Join("\n", failures));

        // Every denial is in the audit log.
        using var audit = await admin.GetAsync(new Uri("/api/v1/admin/audit-events?username=plain&success=false&limit=1000", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, audit.StatusCode);
        using var events = JsonDocument.Parse(await audit.Content.ReadAsStringAsync());
        Assert.True(events.RootElement.GetProperty("total").GetInt64() >= walked);
    }
}
