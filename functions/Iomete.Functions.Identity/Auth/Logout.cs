using Iomete.Platform.Errors;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Identity.Auth;

/// <summary>Ends the session whose access token made the request (its refresh token dies with it).</summary>
public sealed class Logout(ICallerAccessor callers, SessionStore sessions)
{
    [Function("identity-auth-logout")]
    [OpenApiOperation("Auth", "Log out (revokes the current session)")]
    [OpenApiResponse(204)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/auth/logout")] HttpRequest request,
        CancellationToken ct)
    {
        await callers.RequireAsync(request, ct);
        var token = CallerAccessor.ReadToken(request);
        if (token is null || !token.StartsWith(SecretTokens.SessionPrefix, StringComparison.Ordinal))
        {
            throw new ValidationException("Only a login session can log out; delete an access token instead.");
        }
        await sessions.RevokeByAccessTokenAsync(token, ct);
        return ApiResults.NoContent();
    }
}
