using Iomete.Functions.Identity.Auth;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Identity.Tokens;

public sealed class CreateServiceAccountToken(ICallerAccessor callers, AccessTokenOperations operations)
{
    [Function("identity-sa-tokens-create")]
    [OpenApiOperation("Service-account tokens", "Create an access token for a service account's use (the secret is shown once)")]
    [OpenApiRequestBody(typeof(CreateAccessTokenRequest))]
    [OpenApiResponse(201, typeof(AccessTokenView))]
    [OpenApiResponse(409)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/auth/service-accounts/{serviceAccountId}/tokens")] HttpRequest request,
        string serviceAccountId,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        AdminCheck.Require(caller, AdminRole.IamManager);
        var account = await operations.RequireServiceAccountAsync(serviceAccountId, ct);
        var body = await RequestBody.ReadAsync<CreateAccessTokenRequest>(request, ct);
        return await operations.CreateAsync(body, account.Id, caller, ct);
    }
}
