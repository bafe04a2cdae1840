using System.ComponentModel.DataAnnotations;
using Iomete.Platform.Errors;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Identity.Auth;

public sealed record RefreshRequest([property: Required] string RefreshToken);

/// <summary>Trades a refresh token for new session secrets; the old refresh token stops working.</summary>
public sealed class Refresh(SessionStore sessions)
{
    [Function("identity-auth-refresh")]
    [AllowAnonymousCaller]
    [OpenApiOperation("Auth", "Refresh a session (rotates the refresh token)")]
    [OpenApiRequestBody(typeof(RefreshRequest))]
    [OpenApiResponse(200, typeof(TokenResponse))]
    [OpenApiResponse(401)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/auth/refresh")] HttpRequest request,
        CancellationToken ct)
    {
        var body = await RequestBody.ReadAsync<RefreshRequest>(request, ct);
        if (!body.RefreshToken.StartsWith(SecretTokens.RefreshPrefix, StringComparison.Ordinal))
        {
            throw new UnauthorizedException("The refresh token is not valid.");
        }
        var refreshed = await sessions.RefreshAsync(body.RefreshToken, ct)
            ?? throw new UnauthorizedException("The refresh token is not valid, has expired, or was used already.");
        return ApiResults.Ok(Login.Respond(refreshed.Tokens, refreshed.PasswordTemporary));
    }
}
