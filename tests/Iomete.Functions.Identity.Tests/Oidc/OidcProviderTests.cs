using System.Net;
using System.Text.Json;
using Iomete.Testing.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Iomete.Functions.Identity.Tests.Oidc;

public sealed class OidcProviderTests(ProviderFixture fixture) : IClassFixture<ProviderFixture>
{
    private string Issuer => OidcTestKit.Issuer(fixture.Platform);

    [Fact]
    public async Task Discovery_NamesTheIssuerAndEndpoints_AndOffersOnlyCodeWithS256AndEs256()
    {
        using var http = fixture.Platform.Anonymous();
        var doc = await http.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/.well-known/openid-configuration");

        Assert.Equal(Issuer, doc.Str("issuer"));
        Assert.Equal(Issuer + "/api/v1/identity/oidc/authorize", doc.Str("authorization_endpoint"));
        Assert.Equal(Issuer + "/api/v1/identity/oidc/token", doc.Str("token_endpoint"));
        Assert.Equal(Issuer + "/api/v1/identity/oidc/jwks", doc.Str("jwks_uri"));
        Assert.Equal(["code"], doc.GetProperty("response_types_supported").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["S256"], doc.GetProperty("code_challenge_methods_supported").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["ES256"], doc.GetProperty("id_token_signing_alg_values_supported").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task CodeFlow_IssuesAnEs256IdTokenThatVerifiesAgainstTheJwks_AndAnAccessTokenTheApiAccepts()
    {
        var (verifier, challenge) = OidcTestKit.Pkce();
        var code = await fixture.AuthorizeAsync(challenge, nonce: "nonce-42");
        var (status, body) = await OidcTestKit.TokenAsync(fixture.Platform, fixture.TokenForm(code, verifier), fixture.Client);
        Assert.True(status == HttpStatusCode.OK, body.ToString());
        Assert.Equal("Bearer", body.Str("token_type"));

        using var http = fixture.Platform.Anonymous();
        var jwks = new JsonWebKeySet((await http.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/api/v1/identity/oidc/jwks")).GetRawText());
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(body.Str("id_token"), new TokenValidationParameters
        {
            ValidIssuer = Issuer, ValidAudience = fixture.Client.Id, IssuerSigningKeys = jwks.GetSigningKeys(), ValidAlgorithms = ["ES256"],
        });
        Assert.True(result.IsValid, result.Exception?.Message);
        var token = (JsonWebToken)result.SecurityToken;
        Assert.Equal("ES256", token.Alg);
        Assert.Contains(jwks.Keys, k => k.Kid == token.Kid);
        Assert.Equal(fixture.AliceId, token.Subject);
        Assert.Equal("nonce-42", token.GetClaim("nonce").Value);
        Assert.Equal("alice", token.GetClaim("preferred_username").Value);
        Assert.Equal("alice@example.com", token.GetClaim("email").Value);
        Assert.Equal("Alice", token.GetClaim("given_name").Value);
        Assert.Equal("Liddell", token.GetClaim("family_name").Value);
        Assert.Equal("Alice Liddell", token.GetClaim("name").Value);
        Assert.Contains(token.Claims, c => c.Type == "groups" && c.Value == "analysts");
        Assert.True(token.ValidTo - token.IssuedAt <= TimeSpan.FromHours(1));

        http.DefaultRequestHeaders.Authorization = new("Bearer", body.Str("access_token"));
        var info = await http.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/api/v1/identity/oidc/userinfo");
        Assert.Equal(fixture.AliceId, info.Str("sub"));
        Assert.Equal("analysts", info.GetProperty("groups")[0].GetString());
        Assert.Equal("alice", (await http.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/api/v1/user")).Str("username"));
    }

    [Fact]
    public async Task ACode_IsSingleUse()
    {
        var (verifier, challenge) = OidcTestKit.Pkce();
        var code = await fixture.AuthorizeAsync(challenge);
        Assert.Equal(HttpStatusCode.OK, (await OidcTestKit.TokenAsync(fixture.Platform, fixture.TokenForm(code, verifier), fixture.Client)).Status);

        var (status, body) = await OidcTestKit.TokenAsync(fixture.Platform, fixture.TokenForm(code, verifier), fixture.Client);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("invalid_grant", body.Str("error"));
    }

    [Fact]
    public async Task Token_WithAnotherPkceVerifier_IsInvalidGrant()
    {
        var (_, challenge) = OidcTestKit.Pkce();
        var code = await fixture.AuthorizeAsync(challenge);
        var (status, body) = await OidcTestKit.TokenAsync(fixture.Platform, fixture.TokenForm(code, OidcTestKit.Pkce().Verifier), fixture.Client);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("invalid_grant", body.Str("error"));
    }

    [Fact]
    public async Task Token_WithAWrongSecret_IsInvalidClient_AndClientSecretPostWorks()
    {
        var (verifier, challenge) = OidcTestKit.Pkce();
        var code = await fixture.AuthorizeAsync(challenge);
        var (status, body) = await OidcTestKit.TokenAsync(fixture.Platform, fixture.TokenForm(code, verifier), (fixture.Client.Id, "iomc_wrong"));
        Assert.Equal(HttpStatusCode.Unauthorized, status);
        Assert.Equal("invalid_client", body.Str("error"));

        var form = fixture.TokenForm(code, verifier);
        form["client_id"] = fixture.Client.Id;
        form["client_secret"] = fixture.Client.Secret;
        var (ok, tokens) = await OidcTestKit.TokenAsync(fixture.Platform, form);
        Assert.True(ok == HttpStatusCode.OK, tokens.ToString());
    }

    [Fact]
    public async Task Token_WithAnotherRedirectUri_IsInvalidGrant()
    {
        var (verifier, challenge) = OidcTestKit.Pkce();
        var code = await fixture.AuthorizeAsync(challenge);
        var form = fixture.TokenForm(code, verifier);
        form["redirect_uri"] = "http://127.0.0.1:9/other";
        var (status, body) = await OidcTestKit.TokenAsync(fixture.Platform, form, fixture.Client);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("invalid_grant", body.Str("error"));
    }

    [Fact]
    public async Task Authorize_WithAnUnregisteredRedirectUri_ShowsAnErrorPage_AndNeverRedirects()
    {
        using var browser = new Browser();
        var page = await browser.GetAsync(OidcTestKit.AuthorizeUrl(fixture.Platform, fixture.Client.Id, "https://evil.example/cb", OidcTestKit.Pkce().Challenge));
        Assert.Equal(HttpStatusCode.BadRequest, page.Status);
        Assert.Null(page.Location);
        Assert.Contains("not registered", page.Body, StringComparison.Ordinal);

        var unknownClient = await browser.GetAsync(OidcTestKit.AuthorizeUrl(fixture.Platform, "no-such-client", ProviderFixture.RedirectUri, OidcTestKit.Pkce().Challenge));
        Assert.Equal(HttpStatusCode.BadRequest, unknownClient.Status);
        Assert.Null(unknownClient.Location);
    }

    [Fact]
    public async Task Authorize_WithoutPkce_GoesBackToTheClientWithInvalidRequest()
    {
        using var browser = new Browser();
        var url = OidcTestKit.AuthorizeUrl(fixture.Platform, fixture.Client.Id, ProviderFixture.RedirectUri, "").Replace("code_challenge_method=S256", "code_challenge_method=plain");
        var back = (await browser.GetAsync(url)).RequireRedirect();
        Assert.StartsWith(ProviderFixture.RedirectUri, back, StringComparison.Ordinal);
        Assert.Equal("invalid_request", OidcTestKit.QueryValue(back, "error"));
        Assert.Equal("st-1", OidcTestKit.QueryValue(back, "state"));
    }

    [Fact]
    public async Task TheLoginForm_EscapesEveryValue_AndSendsAStrictCsp()
    {
        using var browser = new Browser();
        var form = await browser.GetAsync(OidcTestKit.AuthorizeUrl(fixture.Platform, fixture.Client.Id, ProviderFixture.RedirectUri,
            OidcTestKit.Pkce().Challenge, state: "\"><script>alert(1)</script>"));
        Assert.Equal(HttpStatusCode.OK, form.Status);
        Assert.DoesNotContain("<script>", form.Body, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", form.Body, StringComparison.Ordinal);
        Assert.Contains("Platform B &lt;test&gt;", form.Body, StringComparison.Ordinal);
        Assert.Contains("default-src 'none'", form.ContentSecurityPolicy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", form.ContentSecurityPolicy, StringComparison.Ordinal);
        Assert.Equal("\"><script>alert(1)</script>", form.HiddenFields().Single(f => f.Key == "state").Value);
    }

    [Fact]
    public async Task TheLoginForm_WithAWrongPassword_Answers401WithTheFormAgain_AndNoCode()
    {
        using var browser = new Browser();
        var form = await browser.GetAsync(OidcTestKit.AuthorizeUrl(fixture.Platform, fixture.Client.Id, ProviderFixture.RedirectUri, OidcTestKit.Pkce().Challenge));
        var again = await browser.SubmitLoginAsync(form, "alice", "not-the-password");
        Assert.Equal(HttpStatusCode.Unauthorized, again.Status);
        Assert.Null(again.Location);
        Assert.Contains("Invalid username or password.", again.Body, StringComparison.Ordinal);
        Assert.Contains(again.HiddenFields(), f => f.Key == "code_challenge");
        var unknown = await browser.SubmitLoginAsync(form, "nobody", "not-the-password");
        Assert.Equal(HttpStatusCode.Unauthorized, unknown.Status);
        Assert.Contains("Invalid username or password.", unknown.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Clients_ShowTheSecretOnlyOnCreate_AndNeedIamManager()
    {
        var created = await fixture.Admin.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/admin/identity/oidc/clients",
            new { name = "trino", redirectUris = new[] { "https://trino.example/cb" } });
        var id = created.Str("clientId");
        Assert.StartsWith("iomc_", created.Str("clientSecret"), StringComparison.Ordinal);

        var got = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/api/v1/admin/identity/oidc/clients/{id}");
        Assert.False(got.TryGetProperty("clientSecret", out _));
        var list = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/api/v1/admin/identity/oidc/clients");
        Assert.DoesNotContain("clientSecret", list.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain(created.Str("clientSecret"), list.GetRawText(), StringComparison.Ordinal);

        var updated = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, $"/api/v1/admin/identity/oidc/clients/{id}",
            new { name = "trino 2", redirectUris = new[] { "https://trino.example/cb2" }, scopes = new[] { "openid", "email" }, version = 1 });
        Assert.Equal("https://trino.example/cb2", updated.GetProperty("redirectUris")[0].GetString());
        Assert.Equal(2, updated.GetProperty("version").GetInt32());
        await fixture.Admin.ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR", HttpMethod.Put, $"/api/v1/admin/identity/oidc/clients/{id}",
            new { name = "x", redirectUris = new[] { "https://trino.example/cb#frag" } });

        using var alice = await fixture.Platform.LoginAsync("alice", OidcTestKit.Password);
        await alice.ExpectAsync(HttpStatusCode.Forbidden, HttpMethod.Get, "/api/v1/admin/identity/oidc/clients");
        await alice.ExpectAsync(HttpStatusCode.Forbidden, HttpMethod.Post, "/api/v1/admin/identity/oidc/keys/rotate");

        await fixture.Admin.ExpectAsync(HttpStatusCode.NoContent, HttpMethod.Delete, $"/api/v1/admin/identity/oidc/clients/{id}");
        await fixture.Admin.ExpectAsync(HttpStatusCode.NotFound, HttpMethod.Get, $"/api/v1/admin/identity/oidc/clients/{id}");
    }

    [Fact]
    public async Task AfterRotation_NewTokensCarryTheNewKid_AndTheJwksStillHoldsTheOldKey()
    {
        var (verifier, challenge) = OidcTestKit.Pkce();
        var before = await OidcTestKit.TokenAsync(fixture.Platform, fixture.TokenForm(await fixture.AuthorizeAsync(challenge), verifier), fixture.Client);
        var oldKid = new JsonWebToken(before.Body.Str("id_token")).Kid;

        var rotated = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, "/api/v1/admin/identity/oidc/keys/rotate");
        var newKid = rotated.Str("kid");
        Assert.NotEqual(oldKid, newKid);

        (verifier, challenge) = OidcTestKit.Pkce();
        var after = await OidcTestKit.TokenAsync(fixture.Platform, fixture.TokenForm(await fixture.AuthorizeAsync(challenge), verifier), fixture.Client);
        Assert.Equal(newKid, new JsonWebToken(after.Body.Str("id_token")).Kid);

        using var http = fixture.Platform.Anonymous();
        var kids = (await http.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/api/v1/identity/oidc/jwks")).GetProperty("keys")
            .EnumerateArray().Select(k => k.Str("kid")).ToList();
        Assert.Contains(oldKid, kids);
        Assert.Equal(newKid, kids[0]);
        Assert.All((await http.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/api/v1/identity/oidc/jwks")).GetProperty("keys").EnumerateArray(),
            k => Assert.False(k.TryGetProperty("d", out _), "a private key part was published"));
    }
}
