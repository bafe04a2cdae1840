using System.Net;
using Iomete.Functions.Identity.Tests.Oidc;
using Iomete.Testing;
using Iomete.Testing.Http;

namespace Iomete.Functions.Identity.Tests.Sso;

/// <summary>
/// Two real platforms: A is the OpenID Provider with a registered client, B logs its users in through A
/// (http issuer allowed, as in local use).
/// </summary>
public sealed class SsoFixture : IAsyncLifetime
{
    public LocalPlatform A { get; private set; } = null!;
    public LocalPlatform B { get; private set; } = null!;
    public HttpClient AdminA { get; private set; } = null!;
    public HttpClient AdminB { get; private set; } = null!;
    public (string Id, string Secret) Client { get; private set; }

    public string CallbackUrl => OidcTestKit.Issuer(B) + "/api/v1/identity/sso/oidc/callback";

    public async Task InitializeAsync()
    {
        A = await LocalPlatform.StartAsync(new Dictionary<string, string?> { ["Iomete:Identity:MaxFailedLoginsPerIp"] = "1000" });
        B = await LocalPlatform.StartAsync(new Dictionary<string, string?>
        {
            ["Iomete:Identity:MaxFailedLoginsPerIp"] = "1000",
            ["Iomete:Identity:Sso:AllowHttpIssuer"] = "true",
        });
        AdminA = await A.LoginAsync();
        AdminB = await B.LoginAsync();

        var alice = await OidcTestKit.CreateUserAsync(AdminA, "alice", "alice@example.com", "Alice", "Liddell");
        await OidcTestKit.AddToNewGroupAsync(AdminA, "analysts", alice);
        await OidcTestKit.CreateUserAsync(AdminA, "bob", "bob@a.example", "Bob", "A");
        await OidcTestKit.CreateUserAsync(AdminB, "bob", "bob@b.example", "Bob", "B");
        Client = await OidcTestKit.CreateClientAsync(AdminA, CallbackUrl);
        await AdminB.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, "/api/v1/admin/identity/sso/oidc", ConfigBody());
    }

    public object ConfigBody(string? issuerUrl = null, string[]? algorithms = null) => new
    {
        issuerUrl = issuerUrl ?? OidcTestKit.Issuer(A),
        clientId = Client.Id,
        clientSecret = Client.Secret,
        scopes = new[] { "openid", "profile", "email", "groups" },
        claims = new { groups = "groups" },
        allowedAlgorithms = algorithms,
    };

    /// <summary>B's login → A's form → credentials → A's redirect to B's callback; returns the callback URL (not yet followed).</summary>
    public async Task<string> ToCallbackAsync(Browser browser, string username, string password = OidcTestKit.Password, string redirect = "/console/home")
    {
        var toA = (await browser.GetAsync(OidcTestKit.Issuer(B) + "/api/v1/identity/sso/oidc/login?redirect=" + Uri.EscapeDataString(redirect))).RequireRedirect();
        Assert.StartsWith(OidcTestKit.Issuer(A) + "/api/v1/identity/oidc/authorize?", toA, StringComparison.Ordinal);
        var form = await browser.GetAsync(toA);
        Assert.Equal(HttpStatusCode.OK, form.Status);
        var toB = (await browser.SubmitLoginAsync(form, username, password)).RequireRedirect();
        Assert.StartsWith(CallbackUrl + "?", toB, StringComparison.Ordinal);
        return toB;
    }

    /// <summary>The whole round trip; returns the console URL B sends the browser to.</summary>
    public async Task<string> SignInAsync(Browser browser, string username, string redirect = "/console/home")
    {
        var callback = await ToCallbackAsync(browser, username, redirect: redirect);
        return (await browser.GetAsync(callback)).RequireRedirect();
    }

    public async Task DisposeAsync()
    {
        AdminA.Dispose();
        AdminB.Dispose();
        await B.DisposeAsync();
        await A.DisposeAsync();
    }
}
