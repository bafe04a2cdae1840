using Iomete.Platform.Functions;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Identity.Scim;

public sealed class ScimResourceTypes(ICallerAccessor callers)
{
    [Function("identity-scim-resource-types")]
    [OpenApiOperation("SCIM", "The resource types: User and Group")]
    [OpenApiResponse(200)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ScimPaths.Route + "/ResourceTypes")] HttpRequest request,
        CancellationToken ct)
    {
        await Scim.RequireCallerAsync(callers, request, ct);
        return new ScimResult(200, Scim.ListResponse(2, 1, [ScimDiscoveryDocuments.ResourceType("User"), ScimDiscoveryDocuments.ResourceType("Group")]));
    }
}
