using Iomete.Functions.Identity.Auth;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Iomete.Platform.Errors;

namespace Iomete.Functions.Identity.Sso;

public sealed class GetSsoConfig(ICallerAccessor callers, SsoConfigStore store, SsoUrls urls)
{
    [Function("identity-sso-oidc-config-get")]
    [OpenApiOperation("SSO", "The OIDC single sign-on configuration (the client secret is never returned)")]
    [OpenApiResponse(200, typeof(SsoOidcConfigView))]
    [OpenApiResponse(404)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/admin/identity/sso/oidc")] HttpRequest request,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        AdminCheck.Require(caller, AdminRole.IamManager, forRead: true);
        var config = await store.GetAsync(ct) ?? throw new NotFoundException("SSO configuration", "oidc");
        return ApiResults.Ok(SsoOidcConfigView.From(config, urls.Callback(request)));
    }
}
