using Iomete.Functions.Identity.Auth;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Identity.Oidc;

public sealed class GetOidcClient(ICallerAccessor callers, OidcClientStore clients)
{
    [Function("identity-oidc-clients-get")]
    [OpenApiOperation("OIDC provider", "Get a registered OIDC client")]
    [OpenApiResponse(200, typeof(OidcClientView))]
    [OpenApiResponse(404)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/admin/identity/oidc/clients/{clientId}")] HttpRequest request,
        string clientId,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        AdminCheck.Require(caller, AdminRole.IamManager, forRead: true);
        return ApiResults.Ok(OidcClientView.From(await clients.RequireAsync(clientId, ct)));
    }
}
