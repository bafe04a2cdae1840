using System.Net;
using Iomete.Functions.Identity.Tests.Oidc;
using Iomete.Testing.Http;

namespace Iomete.Functions.Identity.Tests.Sso;

/// <summary>Its own pair of platforms: B's one forced JWKS refresh per interval must be spent here only.</summary>
public sealed class SsoKeyRotationTests(SsoFixture fixture) : IClassFixture<SsoFixture>
{
    [Fact]
    public async Task AfterAsKeyRotates_BFetchesTheNewKey_AndSignInKeepsWorking()
    {
        using var first = new Browser();
        Assert.Contains("sso_code=", await fixture.SignInAsync(first, "alice"), StringComparison.Ordinal);

        var rotated = await fixture.AdminA.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, "/api/v1/admin/identity/oidc/keys/rotate");
        using var anonymous = fixture.A.Anonymous();
        var kids = (await anonymous.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/api/v1/identity/oidc/jwks")).GetProperty("keys")
            .EnumerateArray().Select(k => k.Str("kid")).ToList();
        Assert.Equal(2, kids.Count);
        Assert.Equal(rotated.Str("kid"), kids[0]);

        using var second = new Browser();
        Assert.Contains("sso_code=", await fixture.SignInAsync(second, "alice"), StringComparison.Ordinal);
    }
}
