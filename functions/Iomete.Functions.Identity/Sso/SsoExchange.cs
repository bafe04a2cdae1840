using System.ComponentModel.DataAnnotations;
using Iomete.Functions.Identity.Auth;
using Iomete.Functions.Identity.Users;
using Iomete.Platform.Errors;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Identity.Sso;

public sealed record SsoExchangeRequest([property: Required, StringLength(200, MinimumLength = 1)] string Code);

/// <summary>The console trades the callback's one-time <c>sso_code</c> for a session, the same answer as a password login.</summary>
public sealed class SsoExchange(SsoCodeStore codes, UserStore users, SessionStore sessions)
{
    [Function("identity-sso-exchange")]
    [AllowAnonymousCaller]
    [OpenApiOperation("SSO", "Exchange a one-time sso_code for tokens")]
    [OpenApiRequestBody(typeof(SsoExchangeRequest))]
    [OpenApiResponse(200, typeof(TokenResponse))]
    [OpenApiResponse(401)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/identity/sso/exchange")] HttpRequest request,
        CancellationToken ct)
    {
        var body = await RequestBody.ReadAsync<SsoExchangeRequest>(request, ct);
        var userId = await codes.RedeemAsync(body.Code, ct);
        var user = userId is null ? null : await users.GetAsync(userId, ct);
        if (user is null || user.Status != UserStatus.Active)
        {
            throw new UnauthorizedException("The sign-in code is invalid, expired or used already.");
        }
        var session = await sessions.CreateAsync(user.Id, request.HttpContext.Connection.RemoteIpAddress?.ToString(), ct);
        request.HttpContext.Response.Headers.CacheControl = "no-store";
        return ApiResults.Ok(Login.Respond(session, passwordChangeRequired: false));
    }
}
