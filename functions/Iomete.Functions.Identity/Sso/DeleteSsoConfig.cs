using Iomete.Functions.Identity.Auth;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Iomete.Platform.Errors;

namespace Iomete.Functions.Identity.Sso;

/// <summary>Removes OIDC single sign-on; IDP users stay but can no longer log in until it is configured again.</summary>
public sealed class DeleteSsoConfig(ICallerAccessor callers, SsoConfigStore store)
{
    [Function("identity-sso-oidc-config-delete")]
    [OpenApiOperation("SSO", "Remove the OIDC single sign-on configuration")]
    [OpenApiResponse(204)]
    [OpenApiResponse(404)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "api/v1/admin/identity/sso/oidc")] HttpRequest request,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        AdminCheck.Require(caller, AdminRole.IamManager);
        return await store.DeleteAsync(ct) ? ApiResults.NoContent() : throw new NotFoundException("SSO configuration", "oidc");
    }
}
