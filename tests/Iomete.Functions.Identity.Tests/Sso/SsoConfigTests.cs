using System.Net;
using Iomete.Functions.Identity.Tests.Oidc;
using Iomete.Testing.Http;

namespace Iomete.Functions.Identity.Tests.Sso;

public sealed class SsoConfigTests(SsoFixture fixture) : IClassFixture<SsoFixture>
{
    private const string Route = "/api/v1/admin/identity/sso/oidc";

    [Fact]
    public async Task TheConfig_ShowsThatASecretIsSet_ButNeverTheSecret()
    {
        var config = await fixture.AdminB.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, Route);
        Assert.True(config.GetProperty("clientSecretSet").GetBoolean());
        Assert.False(config.TryGetProperty("clientSecret", out _));
        Assert.DoesNotContain(fixture.Client.Secret, config.GetRawText(), StringComparison.Ordinal);
        Assert.Equal(fixture.CallbackUrl, config.Str("redirectUri"));
        Assert.Equal(["ES256", "RS256"], config.GetProperty("allowedAlgorithms").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal("preferred_username", config.GetProperty("claims").Str("username"));
    }

    [Theory]
    [InlineData("none")]
    [InlineData("HS256")]
    [InlineData("HS512")]
    public async Task NoneAndHmacAlgorithms_AreRefused(string algorithm)
    {
        var problem = await fixture.AdminB.ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR", HttpMethod.Put, Route,
            fixture.ConfigBody(algorithms: ["ES256", algorithm]));
        Assert.Contains("allowedAlgorithms", problem.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnreachableIssuer_IsRefusedWithTheReason()
    {
        var problem = await fixture.AdminB.ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR", HttpMethod.Put, Route,
            fixture.ConfigBody(issuerUrl: "http://127.0.0.1:9"));
        Assert.Contains("discovery document", problem.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnIssuerThatDiffersFromTheDiscoveryDocument_IsRefused()
    {
        // The discovery document is found (the slash is trimmed for its address) but names the issuer without the slash.
        var other = OidcTestKit.Issuer(fixture.A) + "/";
        var problem = await fixture.AdminB.ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR", HttpMethod.Put, Route,
            fixture.ConfigBody(issuerUrl: other));
        Assert.Contains("names the issuer", problem.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnHttpIssuer_IsRefusedUnlessAllowed()
    {
        // A does not allow http issuers.
        var problem = await fixture.AdminA.ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR", HttpMethod.Put, Route,
            fixture.ConfigBody(issuerUrl: OidcTestKit.Issuer(fixture.B)));
        Assert.Contains("https", problem.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AStaleVersion_IsAConflict_AndOnlyIamManagersMayConfigure()
    {
        var current = await fixture.AdminB.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, Route);
        var stale = current.GetProperty("version").GetInt32() - 1;
        await fixture.AdminB.ExpectAsync(HttpStatusCode.Conflict, HttpMethod.Put, Route, new
        {
            issuerUrl = OidcTestKit.Issuer(fixture.A), clientId = fixture.Client.Id, version = stale,
            scopes = new[] { "openid", "profile", "email", "groups" }, claims = new { groups = "groups" },
        });

        await OidcTestKit.CreateUserAsync(fixture.AdminB, "carol");
        using var carol = await fixture.B.LoginAsync("carol", OidcTestKit.Password);
        await carol.ExpectAsync(HttpStatusCode.Forbidden, HttpMethod.Get, Route);
        await carol.ExpectAsync(HttpStatusCode.Forbidden, HttpMethod.Put, Route, fixture.ConfigBody());
    }
}
