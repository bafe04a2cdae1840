using Iomete.Platform.Functions;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Identity.Scim;

public sealed class ScimGetGroup(ICallerAccessor callers, ScimGroups groups)
{
    [Function("identity-scim-groups-get")]
    [OpenApiOperation("SCIM", "Get a group with its members")]
    [OpenApiResponse(200)]
    [OpenApiResponse(404)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ScimPaths.Route + "/Groups/{id}")] HttpRequest request,
        string id,
        CancellationToken ct)
    {
        await Scim.RequireCallerAsync(callers, request, ct);
        var (group, meta, members) = await groups.RequireAsync(id, ct);
        return ScimGroups.Respond(200, group, meta, ScimGroupJson.WantsMembers(request) ? members : null);
    }
}
