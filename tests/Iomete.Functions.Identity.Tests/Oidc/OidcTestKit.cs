using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Iomete.Testing;
using Iomete.Testing.Http;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.IdentityModel.Tokens;

namespace Iomete.Functions.Identity.Tests.Oidc;

/// <summary>Users, groups, clients and PKCE values for the OIDC and SSO tests.</summary>
internal static class OidcTestKit
{
    public const string Password = "Correct-Horse-Battery-9";

    public static async Task<string> CreateUserAsync(HttpClient admin, string username, string? email = null, string? first = null, string? last = null)
    {
        var user = await admin.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/admin/identity/users",
            new { username, email, firstName = first, lastName = last, password = Password });
        return user.Str("id");
    }

    public static async Task AddToNewGroupAsync(HttpClient admin, string groupName, string userId)
    {
        var group = await admin.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/admin/identity/groups", new { name = groupName });
        await admin.ExpectAsync(HttpStatusCode.NoContent, HttpMethod.Post, $"/api/v1/admin/identity/groups/{group.Str("id")}/members", new { userId });
    }

    public static async Task<(string ClientId, string Secret)> CreateClientAsync(HttpClient admin, params string[] redirectUris)
    {
        var client = await admin.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/admin/identity/oidc/clients",
            new { name = "Platform B <test>", redirectUris });
        return (client.Str("clientId"), client.Str("clientSecret"));
    }

    public static string Issuer(LocalPlatform platform) => platform.BaseAddress.ToString().TrimEnd('/');

    public static (string Verifier, string Challenge) Pkce()
    {
        var verifier = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        return (verifier, Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))));
    }

    public static string AuthorizeUrl(LocalPlatform provider, string clientId, string redirectUri, string challenge,
        string state = "st-1", string nonce = "n-1", string scope = "openid profile email groups") =>
        QueryHelpers.AddQueryString(Issuer(provider) + "/api/v1/identity/oidc/authorize", new Dictionary<string, string?>
        {
            ["response_type"] = "code", ["client_id"] = clientId, ["redirect_uri"] = redirectUri, ["scope"] = scope, ["state"] = state,
            ["nonce"] = nonce, ["code_challenge"] = challenge, ["code_challenge_method"] = "S256",
        });

    public static string QueryValue(string url, string name) =>
        QueryHelpers.ParseQuery(new Uri(url).Query).TryGetValue(name, out var v) ? v.ToString() : "";

    public static async Task<(HttpStatusCode Status, JsonElement Body)> TokenAsync(
        LocalPlatform provider, IEnumerable<KeyValuePair<string, string>> form, (string Id, string Secret)? basic = null)
    {
        using var http = provider.Anonymous();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/identity/oidc/token") { Content = new FormUrlEncodedContent(form) };
        if (basic is { } b)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Basic",
                Convert.ToBase64String(Encoding.UTF8.GetBytes(Uri.EscapeDataString(b.Id) + ":" + Uri.EscapeDataString(b.Secret))));
        }
        using var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, JsonDocument.Parse(text).RootElement.Clone());
    }
}
