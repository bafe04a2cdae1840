using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Identity.Tokens;

public sealed class CreateDomainServiceAccountToken(ICallerAccessor callers, IAccessControl access, AccessTokenOperations operations)
{
    [Function("identity-domain-sa-tokens-create")]
    [OpenApiOperation("Service-account tokens", "Create an access token for a service account's (domain) use (the secret is shown once)")]
    [OpenApiRequestBody(typeof(CreateAccessTokenRequest))]
    [OpenApiResponse(201, typeof(AccessTokenView))]
    [OpenApiResponse(409)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/domains/{domain}/auth/service-accounts/{serviceAccountId}/tokens")] HttpRequest request,
        string domain,
        string serviceAccountId,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        var account = await DomainTokenAccess.RequireAsync(caller, domain, serviceAccountId, access, operations, ct);
        var body = await RequestBody.ReadAsync<CreateAccessTokenRequest>(request, ct);
        return await operations.CreateAsync(body, account.Id, caller, ct);
    }
}
