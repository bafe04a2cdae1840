using System.Net;
using Iomete.Functions.Identity.Tests.Oidc;
using Iomete.Testing.Http;

namespace Iomete.Functions.Identity.Tests.Sso;

public sealed class SsoProfileSyncTests(SsoFixture fixture) : IClassFixture<SsoFixture>
{
    private async Task<System.Text.Json.JsonElement> SignInAndReadMeAsync(string username)
    {
        using var browser = new Browser();
        var consoleUrl = await fixture.SignInAsync(browser, username);
        using var anonymous = fixture.B.Anonymous();
        var tokens = await anonymous.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, "/api/v1/identity/sso/exchange",
            new { code = OidcTestKit.QueryValue(consoleUrl, "sso_code") });
        anonymous.DefaultRequestHeaders.Authorization = new("Bearer", tokens.Str("accessToken"));
        return await anonymous.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/api/v1/user");
    }

    [Fact]
    public async Task EachSignIn_UpdatesTheProfile_AndSyncsIdpGroupMemberships_ButNeverJoinsLocalGroups()
    {
        var erin = await OidcTestKit.CreateUserAsync(fixture.AdminA, "erin", "erin@old.example", "Erin", "Old");
        await OidcTestKit.AddToNewGroupAsync(fixture.AdminA, "sales", erin);
        await OidcTestKit.AddToNewGroupAsync(fixture.AdminA, "admins-local", erin);
        // B has a local group of the same name: the provider must not be able to put erin in it.
        await fixture.AdminB.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/admin/identity/groups", new { name = "admins-local" });

        var first = await SignInAndReadMeAsync("erin");
        var groups = first.GetProperty("groups").EnumerateArray().Select(g => g.Str("name")).ToList();
        Assert.Equal(["sales"], groups);

        var salesOnA = (await fixture.AdminA.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/api/v1/admin/identity/groups?search=sales")).GetProperty("items")[0].Str("id");
        await fixture.AdminA.ExpectAsync(HttpStatusCode.NoContent, HttpMethod.Delete, $"/api/v1/admin/identity/groups/{salesOnA}/members/{erin}");
        await fixture.AdminA.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, $"/api/v1/admin/identity/users/{erin}",
            new { email = "erin@new.example", firstName = "Erin", lastName = "New" });

        var second = await SignInAndReadMeAsync("erin");
        Assert.Equal("erin@new.example", second.Str("email"));
        Assert.Equal("New", second.Str("lastName"));
        Assert.Empty(second.GetProperty("groups").EnumerateArray());
    }

    [Fact]
    public async Task WithoutSsoConfigured_TheLoginRouteSaysSo_AndRedirectsNowhere()
    {
        using var browser = new Browser();
        var page = await browser.GetAsync(OidcTestKit.Issuer(fixture.A) + "/api/v1/identity/sso/oidc/login");
        Assert.Equal(HttpStatusCode.NotFound, page.Status);
        Assert.Null(page.Location);
    }
}
