using Iomete.Functions.Identity.Auth;
using Iomete.Functions.Identity.Oidc;
using Iomete.Platform.Errors;
using Iomete.Platform.Functions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace Iomete.Functions.Identity.Sso;

/// <summary>
/// The provider sends the browser back here: the state must be one we issued to this browser, the code is exchanged,
/// the ID token validated, the IDP user created or updated, and the browser returns to the console path with a
/// one-time <c>sso_code</c> (never tokens in a URL).
/// </summary>
public sealed partial class SsoCallback(SsoConfigStore store, SsoStateStore states, SsoProvider provider, SsoCodeExchange exchange,
    SsoTokenValidator validator, SsoUserSync sync, SsoCodeStore codes, SsoUrls urls, ILogger<SsoCallback> logger)
{
    [Function("identity-sso-oidc-callback")]
    [AllowAnonymousCaller]
    [OpenApiOperation("SSO", "OIDC single sign-on callback (302 to the console path with a one-time sso_code)")]
    [OpenApiQuery("code", "The provider's authorization code")]
    [OpenApiQuery("state", "The state sent with the login")]
    [OpenApiResponse(302)]
    [OpenApiResponse(400)]
    [OpenApiResponse(401)]
    [OpenApiResponse(409)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/identity/sso/oidc/callback")] HttpRequest request,
        CancellationToken ct)
    {
        string Query(string name) => request.Query[name] is { Count: 1 } v ? v[0] ?? "" : "";
        var browser = request.Cookies[SsoLogin.BrowserCookie];
        request.HttpContext.Response.Cookies.Delete(SsoLogin.BrowserCookie, new CookieOptions { Path = SsoUrls.CallbackPath });
        var login = Query("state").Length is > 0 and <= 200 ? await states.TakeAsync(Query("state"), ct) : null;
        if (login is null || browser is null || SecretTokens.Hash(browser) != login.BrowserHash)
        {
            return Page(request, 400, "Sign-in expired", "This sign-in link is unknown, used already, expired, or was started in another browser. Start again.");
        }
        if (Query("error").Length > 0)
        {
            return Page(request, 401, "Sign-in refused", $"The identity provider refused the sign-in ({Query("error")}).");
        }
        var config = await store.GetAsync(ct);
        if (config is not { Enabled: true } || config.Version != login.ConfigVersion || Query("code").Length == 0)
        {
            return Page(request, 400, "Sign-in expired", "Single sign-on was reconfigured or the answer lacks a code. Start again.");
        }
        try
        {
            var metadata = await provider.MetadataAsync(config, unknownKey: false, ct);
            var idToken = await exchange.IdTokenAsync(config, metadata, Query("code"), login.CodeVerifier, urls.Callback(request), ct);
            var claims = await validator.ValidateAsync(config, idToken, login.Nonce, ct);
            var user = await sync.UpsertAsync(SsoUserSync.Map(claims, config.Claims), ct);
            var code = await codes.IssueAsync(user.Id, ct);
            return ProtocolResults.Redirect(QueryHelpers.AddQueryString(login.Redirect, "sso_code", code));
        }
        catch (SsoTokenRefusedException ex)
        {
            LogRefused(logger, ex.Message);
            return Page(request, 401, "Sign-in refused", "The identity provider's ID token was not accepted.");
        }
        catch (ApiException ex)
        {
            return Page(request, ex.Status, ex.Title, ex.Detail ?? ex.Title);
        }
    }

    private static IActionResult Page(HttpRequest request, int status, string title, string message) => ProtocolResults.ErrorPage(request, status, title, message);

    [LoggerMessage(Level = LogLevel.Warning, Message = "SSO ID token refused: {Reason}")]
    private static partial void LogRefused(ILogger logger, string reason);
}
