using Iomete.Functions.Identity.Auth;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Identity.Tokens;

public sealed class ListServiceAccountTokens(ICallerAccessor callers, AccessTokenOperations operations)
{
    [Function("identity-sa-tokens-list")]
    [OpenApiOperation("Service-account tokens", "List a service account's access tokens")]
    [OpenApiPaged]
    [OpenApiResponse(200, typeof(Page<AccessTokenView>))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/auth/service-accounts/{serviceAccountId}/tokens")] HttpRequest request,
        string serviceAccountId,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        AdminCheck.Require(caller, AdminRole.IamManager, forRead: true);
        var account = await operations.RequireServiceAccountAsync(serviceAccountId, ct);
        return await operations.ListAsync(request, account.Id, ct);
    }
}
