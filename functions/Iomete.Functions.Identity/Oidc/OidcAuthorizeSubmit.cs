using Iomete.Functions.Identity.Auth;
using Iomete.Functions.Identity.Users;
using Iomete.Platform.Errors;
using Iomete.Platform.Functions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Identity.Oidc;

/// <summary>
/// The login form's post: the password is checked exactly like <see cref="Login"/> (throttle, one generic error); on
/// success the browser goes back to the client's redirect URI with a single-use code and the state.
/// </summary>
public sealed class OidcAuthorizeSubmit(OidcClientStore clients, OidcCodeStore codes, UserStore users, PasswordHasher hasher, LoginThrottle throttle)
{
    private const string InvalidCredentials = "Invalid username or password.";

    [Function("identity-oidc-authorize-submit")]
    [AllowAnonymousCaller]
    [OpenApiOperation("OIDC provider", "Authorization endpoint: the login form's post")]
    [OpenApiResponse(302)]
    [OpenApiResponse(400)]
    [OpenApiResponse(401)]
    [OpenApiResponse(429)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/identity/oidc/authorize")] HttpRequest request,
        CancellationToken ct)
    {
        if (!request.HasFormContentType)
        {
            return ProtocolResults.ErrorPage(request, 400, "Bad request", "The login form must be posted as a form.");
        }
        var form = await request.ReadFormAsync(ct);
        var parameters = AuthorizeParameters.From(name => form[name]);
        var (client, refusal) = await OidcAuthorize.CheckAsync(request, clients, parameters, ct);
        if (refusal is not null)
        {
            return refusal;
        }
        var username = form["username"].ToString().Trim().ToLowerInvariant();
        var password = form["password"].ToString();
        var clientIp = request.HttpContext.Connection.RemoteIpAddress?.ToString();
        IActionResult Retry(int status, string message, int? retryAfter = null) =>
            ProtocolResults.Html(status, LoginPage.Form(parameters, client!.Name, message, username), OidcAuthorize.FormTarget(parameters), retryAfter);

        try
        {
            await throttle.EnsureAllowedAsync(username, clientIp, ct);
        }
        catch (TooManyRequestsException ex)
        {
            return Retry(429, ex.Message, ex.RetryAfterSeconds);
        }
        var user = username.Length > 0 ? await users.FindByUsernameAsync(username, ct) : null;
        var valid = user is not null ? hasher.Verify(password, user.PasswordHash) : Decoy(password);
        if (user is null || !valid || user.Status != UserStatus.Active)
        {
            await throttle.RecordFailureAsync(username, clientIp, ct);
            return Retry(401, InvalidCredentials);
        }
        await throttle.ClearAsync(username, ct);
        if (user.PasswordTemporary)
        {
            return Retry(403, "Your password must be changed first: sign in to the console and set a new one.");
        }
        var code = await codes.IssueAsync(parameters, user.Id, ct);
        return ProtocolResults.Redirect(parameters.RedirectWith(("code", code)));
    }

    private bool Decoy(string password)
    {
        hasher.VerifyDecoy(password);
        return false;
    }
}
