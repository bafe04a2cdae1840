using Iomete.Functions.Identity.Auth;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Iomete.Platform.Errors;

namespace Iomete.Functions.Identity.Oidc;

public sealed class DeleteOidcClient(ICallerAccessor callers, OidcClientStore clients)
{
    [Function("identity-oidc-clients-delete")]
    [OpenApiOperation("OIDC provider", "Delete an OIDC client")]
    [OpenApiResponse(204)]
    [OpenApiResponse(404)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "api/v1/admin/identity/oidc/clients/{clientId}")] HttpRequest request,
        string clientId,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        AdminCheck.Require(caller, AdminRole.IamManager);
        return await clients.DeleteAsync(clientId, ct) ? ApiResults.NoContent() : throw new NotFoundException("OIDC client", clientId);
    }
}
