using Iomete.Functions.Identity.Auth;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Identity.Tokens;

public sealed class DeleteServiceAccountToken(ICallerAccessor callers, AccessTokenOperations operations)
{
    [Function("identity-sa-tokens-delete")]
    [OpenApiOperation("Service-account tokens", "Delete one of a service account's access tokens")]
    [OpenApiResponse(204)]
    [OpenApiResponse(404)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "api/v1/auth/service-accounts/{serviceAccountId}/tokens/{name}")] HttpRequest request,
        string serviceAccountId,
        string name,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        AdminCheck.Require(caller, AdminRole.IamManager);
        var account = await operations.RequireServiceAccountAsync(serviceAccountId, ct);
        return await operations.DeleteAsync(account.Id, name, ct);
    }
}
