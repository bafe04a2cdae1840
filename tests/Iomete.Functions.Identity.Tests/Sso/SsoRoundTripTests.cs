using System.Net;
using Iomete.Functions.Identity.Tests.Oidc;
using Iomete.Testing.Http;

namespace Iomete.Functions.Identity.Tests.Sso;

public sealed class SsoRoundTripTests(SsoFixture fixture) : IClassFixture<SsoFixture>
{
    private async Task<HttpClient> ExchangeAsync(string consoleUrl)
    {
        using var anonymous = fixture.B.Anonymous();
        var tokens = await anonymous.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, "/api/v1/identity/sso/exchange",
            new { code = OidcTestKit.QueryValue(consoleUrl, "sso_code") });
        var client = fixture.B.Anonymous();
        client.DefaultRequestHeaders.Authorization = new("Bearer", tokens.Str("accessToken"));
        Assert.False(string.IsNullOrEmpty(tokens.Str("refreshToken")));
        return client;
    }

    [Fact]
    public async Task SigningInThroughA_GivesAUserOnBWithOriginIdp_TheMappedProfile_AndGroups()
    {
        using var browser = new Browser();
        var consoleUrl = await fixture.SignInAsync(browser, "alice", "/console/home?tab=1");

        Assert.StartsWith(OidcTestKit.Issuer(fixture.B) + "/console/home?tab=1&sso_code=", consoleUrl, StringComparison.Ordinal);
        Assert.DoesNotContain("token", consoleUrl, StringComparison.OrdinalIgnoreCase);
        using var alice = await ExchangeAsync(consoleUrl);
        var me = await alice.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/api/v1/user");
        Assert.Equal("alice", me.Str("username"));
        Assert.Equal("IDP", me.Str("origin"));
        Assert.Equal("alice@example.com", me.Str("email"));
        Assert.Equal("Alice", me.Str("firstName"));
        Assert.Equal("Liddell", me.Str("lastName"));
        Assert.Contains(me.GetProperty("groups").EnumerateArray(), g => g.Str("name") == "analysts");

        var groups = await fixture.AdminB.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/api/v1/admin/identity/groups?search=analysts");
        Assert.Equal("IDP", groups.GetProperty("items")[0].Str("origin"));
    }

    [Fact]
    public async Task AnSsoCode_IsSingleUse()
    {
        using var browser = new Browser();
        var consoleUrl = await fixture.SignInAsync(browser, "alice");
        using (await ExchangeAsync(consoleUrl))
        {
        }
        using var anonymous = fixture.B.Anonymous();
        await anonymous.ExpectProblemAsync(HttpStatusCode.Unauthorized, "UNAUTHORIZED", HttpMethod.Post, "/api/v1/identity/sso/exchange",
            new { code = OidcTestKit.QueryValue(consoleUrl, "sso_code") });
    }

    [Fact]
    public async Task AWrongPasswordOnAsForm_Answers401_AndNeverReachesB()
    {
        using var browser = new Browser();
        var toA = (await browser.GetAsync(OidcTestKit.Issuer(fixture.B) + "/api/v1/identity/sso/oidc/login")).RequireRedirect();
        var again = await browser.SubmitLoginAsync(await browser.GetAsync(toA), "alice", "wrong-password-123");
        Assert.Equal(HttpStatusCode.Unauthorized, again.Status);
        Assert.Null(again.Location);
    }

    [Fact]
    public async Task ATamperedState_IsRefused()
    {
        using var browser = new Browser();
        var callback = await fixture.ToCallbackAsync(browser, "alice");
        var state = OidcTestKit.QueryValue(callback, "state");
        var page = await browser.GetAsync(callback.Replace("state=" + Uri.EscapeDataString(state), "state=" + Uri.EscapeDataString(state[..^2] + "xx"), StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Null(page.Location);
    }

    [Fact]
    public async Task AReplayedCallback_IsRefused()
    {
        using var browser = new Browser();
        var callback = await fixture.ToCallbackAsync(browser, "alice");
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync(callback)).Status);
        var replay = await browser.GetAsync(callback);
        Assert.Equal(HttpStatusCode.BadRequest, replay.Status);
        Assert.Null(replay.Location);
    }

    [Fact]
    public async Task ACallbackInAnotherBrowser_IsRefused()
    {
        using var victim = new Browser();
        var callback = await fixture.ToCallbackAsync(victim, "alice");
        using var attacker = new Browser();
        Assert.Equal(HttpStatusCode.BadRequest, (await attacker.GetAsync(callback)).Status);
    }

    [Theory]
    [InlineData("https://evil.example/console")]
    [InlineData("//evil.example/console")]
    [InlineData("/\\evil.example")]
    [InlineData("javascript:alert(1)")]
    public async Task Login_WithARedirectOffThePlatform_IsRefused(string redirect)
    {
        using var browser = new Browser();
        var page = await browser.GetAsync(OidcTestKit.Issuer(fixture.B) + "/api/v1/identity/sso/oidc/login?redirect=" + Uri.EscapeDataString(redirect));
        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Null(page.Location);
    }

    [Fact]
    public async Task ALocalUserOfTheSameName_IsNotTakenOver()
    {
        using var browser = new Browser();
        var callback = await fixture.ToCallbackAsync(browser, "bob");
        var page = await browser.GetAsync(callback);
        Assert.Equal(HttpStatusCode.Conflict, page.Status);
        Assert.Null(page.Location);
        var bob = await fixture.AdminB.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/api/v1/admin/identity/users?search=bob");
        Assert.Equal("IOMETE", bob.GetProperty("items")[0].Str("origin"));
        Assert.Equal("bob@b.example", bob.GetProperty("items")[0].Str("email"));
    }

    [Fact]
    public async Task Providers_ListOidcWhereConfigured_AndNothingElsewhere()
    {
        using var b = fixture.B.Anonymous();
        var providers = await b.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/api/v1/identity/sso/providers");
        Assert.Equal("OIDC", providers[0].Str("type"));
        Assert.Equal("/api/v1/identity/sso/oidc/login", providers[0].Str("loginUrl"));
        using var a = fixture.A.Anonymous();
        Assert.Equal(0, (await a.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/api/v1/identity/sso/providers")).GetArrayLength());
    }
}
