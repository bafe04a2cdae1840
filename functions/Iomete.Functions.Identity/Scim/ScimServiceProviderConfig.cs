using Iomete.Platform.Functions;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Identity.Scim;

public sealed class ScimServiceProviderConfig(ICallerAccessor callers)
{
    [Function("identity-scim-service-provider-config")]
    [OpenApiOperation("SCIM", "What this SCIM service provider supports")]
    [OpenApiResponse(200)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ScimPaths.Route + "/ServiceProviderConfig")] HttpRequest request,
        CancellationToken ct)
    {
        await Scim.RequireCallerAsync(callers, request, ct);
        return new ScimResult(200, ScimDiscoveryDocuments.ServiceProviderConfig());
    }
}
