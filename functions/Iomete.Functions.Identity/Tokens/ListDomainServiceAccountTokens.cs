using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Identity.Tokens;

public sealed class ListDomainServiceAccountTokens(ICallerAccessor callers, IAccessControl access, AccessTokenOperations operations)
{
    [Function("identity-domain-sa-tokens-list")]
    [OpenApiOperation("Service-account tokens", "List a service account's (domain) access tokens")]
    [OpenApiPaged]
    [OpenApiResponse(200, typeof(Page<AccessTokenView>))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/domains/{domain}/auth/service-accounts/{serviceAccountId}/tokens")] HttpRequest request,
        string domain,
        string serviceAccountId,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        var account = await DomainTokenAccess.RequireAsync(caller, domain, serviceAccountId, access, operations, ct);
        return await operations.ListAsync(request, account.Id, ct);
    }
}
