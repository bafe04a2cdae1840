using Iomete.Testing;

namespace Iomete.Functions.Identity.Tests.Oidc;

/// <summary>One platform acting as OpenID Provider, with a user in a group and a registered client.</summary>
public sealed class ProviderFixture : IAsyncLifetime
{
    public const string RedirectUri = "http://127.0.0.1:9/callback";

    public LocalPlatform Platform { get; private set; } = null!;
    public HttpClient Admin { get; private set; } = null!;
    public string AliceId { get; private set; } = "";
    public (string Id, string Secret) Client { get; private set; }

    public async Task InitializeAsync()
    {
        Platform = await LocalPlatform.StartAsync(new Dictionary<string, string?> { ["Iomete:Identity:MaxFailedLoginsPerIp"] = "1000" });
        Admin = await Platform.LoginAsync();
        AliceId = await OidcTestKit.CreateUserAsync(Admin, "alice", "alice@example.com", "Alice", "Liddell");
        await OidcTestKit.AddToNewGroupAsync(Admin, "analysts", AliceId);
        Client = await OidcTestKit.CreateClientAsync(Admin, RedirectUri);
    }

    public async Task DisposeAsync()
    {
        Admin.Dispose();
        await Platform.DisposeAsync();
    }

    /// <summary>Logs alice in through the authorize form and returns the code the provider redirects with.</summary>
    public async Task<string> AuthorizeAsync(string challenge, string nonce = "n-1", string state = "st-1")
    {
        using var browser = new Browser();
        var form = await browser.GetAsync(OidcTestKit.AuthorizeUrl(Platform, Client.Id, RedirectUri, challenge, state, nonce));
        Assert.Equal(System.Net.HttpStatusCode.OK, form.Status);
        var back = (await browser.SubmitLoginAsync(form, "alice", OidcTestKit.Password)).RequireRedirect();
        Assert.StartsWith(RedirectUri + "?", back, StringComparison.Ordinal);
        Assert.Equal(state, OidcTestKit.QueryValue(back, "state"));
        return OidcTestKit.QueryValue(back, "code");
    }

    public Dictionary<string, string> TokenForm(string code, string verifier) => new()
    {
        ["grant_type"] = "authorization_code", ["code"] = code, ["redirect_uri"] = RedirectUri, ["code_verifier"] = verifier,
    };
}
