using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Identity.Tokens;

public sealed class UpdateDomainServiceAccountToken(ICallerAccessor callers, IAccessControl access, AccessTokenOperations operations)
{
    [Function("identity-domain-sa-tokens-update")]
    [OpenApiOperation("Service-account tokens", "Suspend, resume or limit one of a service account's (domain) access tokens")]
    [OpenApiRequestBody(typeof(UpdateAccessTokenRequest))]
    [OpenApiResponse(200, typeof(AccessTokenView))]
    [OpenApiResponse(404)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "patch", Route = "api/v1/domains/{domain}/auth/service-accounts/{serviceAccountId}/tokens/{name}")] HttpRequest request,
        string domain,
        string serviceAccountId,
        string name,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        var account = await DomainTokenAccess.RequireAsync(caller, domain, serviceAccountId, access, operations, ct);
        var body = await RequestBody.ReadAsync<UpdateAccessTokenRequest>(request, ct);
        return await operations.UpdateAsync(body, account.Id, name, ct);
    }
}
