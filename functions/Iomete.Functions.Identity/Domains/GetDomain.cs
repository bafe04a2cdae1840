using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Identity.Domains;

public sealed class GetDomain(ICallerAccessor callers, IAccessControl access, DomainStore domains, DomainViews views)
{
    [Function("identity-domains-get")]
    [OpenApiOperation("Domains", "Get a domain")]
    [OpenApiResponse(200, typeof(DomainView))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/admin/domains/{domainId}")] HttpRequest request,
        string domainId,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        access.RequireAdminRole(caller, AdminRole.DomainManager, forRead: true);
        return ApiResults.Ok(await views.ViewAsync(await domains.GetAsync(domainId, ct), ct));
    }
}
