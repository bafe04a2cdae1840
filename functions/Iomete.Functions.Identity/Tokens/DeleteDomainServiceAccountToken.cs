using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Identity.Tokens;

public sealed class DeleteDomainServiceAccountToken(ICallerAccessor callers, IAccessControl access, AccessTokenOperations operations)
{
    [Function("identity-domain-sa-tokens-delete")]
    [OpenApiOperation("Service-account tokens", "Delete one of a service account's (domain) access tokens")]
    [OpenApiResponse(204)]
    [OpenApiResponse(404)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "api/v1/domains/{domain}/auth/service-accounts/{serviceAccountId}/tokens/{name}")] HttpRequest request,
        string domain,
        string serviceAccountId,
        string name,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        var account = await DomainTokenAccess.RequireAsync(caller, domain, serviceAccountId, access, operations, ct);
        return await operations.DeleteAsync(account.Id, name, ct);
    }
}
