using Iomete.Platform.Errors;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Identity.Domains;

public sealed class DeleteDomain(ICallerAccessor callers, IAccessControl access, DomainStore domains)
{
    [Function("identity-domains-delete")]
    [OpenApiOperation("Domains", "Delete a domain whose bundles hold no assets")]
    [OpenApiResponse(204)]
    [OpenApiResponse(409)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "api/v1/admin/domains/{domainId}")] HttpRequest request,
        string domainId,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        access.RequireAdminRole(caller, AdminRole.DomainManager);
        if (domainId == DomainRules.DefaultDomain)
        {
            throw new ConflictException("The 'default' domain cannot be deleted.");
        }
        await domains.DeleteAsync(domainId, ct);
        return ApiResults.NoContent();
    }
}
