using Iomete.Functions.Identity.Users;
using Iomete.Platform.Errors;
using Iomete.Platform.Functions;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Identity.Oidc;

/// <summary>UserInfo endpoint: the caller's profile claims (every scope the provider supports).</summary>
public sealed class OidcUserInfo(ICallerAccessor callers, UserStore users, OidcProfile profile)
{
    [Function("identity-oidc-userinfo")]
    [OpenApiOperation("OIDC provider", "UserInfo: the caller's claims")]
    [OpenApiResponse(200)]
    [OpenApiResponse(401)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/identity/oidc/userinfo")] HttpRequest request,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        var user = await users.GetAsync(caller.UserId, ct) ?? throw new UnauthorizedException("The user of this token no longer exists.");
        return ProtocolResults.Json(200, await profile.ClaimsAsync(user, OidcClientRules.SupportedScopes, ct));
    }
}
