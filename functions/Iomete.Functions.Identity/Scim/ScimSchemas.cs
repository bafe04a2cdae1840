using Iomete.Platform.Functions;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Identity.Scim;

public sealed class ScimSchemas(ICallerAccessor callers)
{
    [Function("identity-scim-schemas")]
    [OpenApiOperation("SCIM", "The User and Group schemas")]
    [OpenApiResponse(200)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ScimPaths.Route + "/Schemas")] HttpRequest request,
        CancellationToken ct)
    {
        await Scim.RequireCallerAsync(callers, request, ct);
        return new ScimResult(200, Scim.ListResponse(2, 1, [ScimDiscoveryDocuments.Schema("User"), ScimDiscoveryDocuments.Schema("Group")]));
    }
}
