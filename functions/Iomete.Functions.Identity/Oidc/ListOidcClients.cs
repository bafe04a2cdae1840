using Iomete.Functions.Identity.Auth;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Identity.Oidc;

public sealed class ListOidcClients(ICallerAccessor callers, OidcClientStore clients)
{
    [Function("identity-oidc-clients-list")]
    [OpenApiOperation("OIDC provider", "List registered OIDC clients")]
    [OpenApiResponse(200, typeof(IReadOnlyList<OidcClientView>))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/admin/identity/oidc/clients")] HttpRequest request,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        AdminCheck.Require(caller, AdminRole.IamManager, forRead: true);
        var list = await clients.ListAsync(ct);
        return ApiResults.Ok(list.Select(OidcClientView.From).ToList());
    }
}
