using System.Security.Cryptography;
using System.Text;
using Iomete.Functions.Identity.Auth;
using Iomete.Functions.Identity.Oidc;
using Iomete.Platform.Errors;
using Iomete.Platform.Functions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Azure.Functions.Worker;
using Microsoft.IdentityModel.Tokens;

namespace Iomete.Functions.Identity.Sso;

/// <summary>
/// Starts an SSO login: remembers state, nonce, PKCE verifier and the console path server-side, binds them to this
/// browser with a cookie, and sends the browser to the provider's authorization endpoint.
/// </summary>
public sealed class SsoLogin(SsoConfigStore store, SsoProvider provider, SsoStateStore states, SsoUrls urls)
{
    public const string Path = "/api/v1/identity/sso/oidc/login";
    public const string BrowserCookie = "iomete_sso";

    [Function("identity-sso-oidc-login")]
    [AllowAnonymousCaller]
    [OpenApiOperation("SSO", "Start an OIDC single sign-on (302 to the identity provider)")]
    [OpenApiQuery("redirect", "Console path to return to; a relative path such as /console/home")]
    [OpenApiResponse(302)]
    [OpenApiResponse(400)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/identity/sso/oidc/login")] HttpRequest request,
        CancellationToken ct)
    {
        var redirect = request.Query["redirect"] is { Count: 1 } r ? r[0] ?? "/" : "/";
        if (!IsLocalPath(redirect))
        {
            return ProtocolResults.ErrorPage(request, 400, "Invalid redirect", "After sign-in the platform only returns to one of its own pages (a path starting with a single '/').");
        }
        var config = await store.GetAsync(ct);
        if (config is not { Enabled: true })
        {
            return ProtocolResults.ErrorPage(request, 404, "Single sign-on is off", "Single sign-on is not configured on this platform.");
        }
        string authorizationEndpoint;
        try
        {
            authorizationEndpoint = (await provider.MetadataAsync(config, unknownKey: false, ct)).AuthorizationEndpoint;
        }
        catch (ApiException ex)
        {
            return ProtocolResults.ErrorPage(request, ex.Status, ex.Title, ex.Detail ?? ex.Title);
        }

        var verifier = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        var nonce = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        var browser = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        var state = await states.IssueAsync(new SsoLoginState(SecretTokens.Hash(browser), nonce, verifier, redirect, config.Version), ct);
        request.HttpContext.Response.Cookies.Append(BrowserCookie, browser, new CookieOptions
        {
            HttpOnly = true,
            Secure = request.IsHttps,
            // Lax: the provider sends the browser back with a top-level GET from another site.
            SameSite = SameSiteMode.Lax,
            Path = SsoUrls.CallbackPath,
            MaxAge = SsoStateStore.Lifetime,
        });
        var location = QueryHelpers.AddQueryString(authorizationEndpoint, new Dictionary<string, string?>
        {
            ["response_type"] = "code",
            ["client_id"] = config.ClientId,
            ["redirect_uri"] = urls.Callback(request),
            ["scope"] = string.Join(' ', config.Scopes),
            ["state"] = state,
            ["nonce"] = nonce,
            ["code_challenge"] = Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))),
            ["code_challenge_method"] = "S256",
        });
        return ProtocolResults.Redirect(location);
    }

    /// <summary>A path on this site: one leading '/', no scheme or host, no backslash or control characters.</summary>
    public static bool IsLocalPath(string redirect) =>
        redirect.Length is > 0 and <= 2000 && redirect[0] == '/' && !redirect.StartsWith("//", StringComparison.Ordinal)
        && !redirect.Contains('\\') && !redirect.Any(char.IsControl) && Uri.TryCreate(redirect, UriKind.Relative, out _);
}
