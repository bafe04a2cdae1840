using Iomete.Platform.Functions;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Identity.Scim;

public sealed class ScimCreateGroup(ICallerAccessor callers, ScimGroups groups)
{
    [Function("identity-scim-groups-create")]
    [OpenApiOperation("SCIM", "Provision a group (origin IDP) with members")]
    [OpenApiResponse(201)]
    [OpenApiResponse(409)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ScimPaths.Route + "/Groups")] HttpRequest request,
        CancellationToken ct)
    {
        var caller = await Scim.RequireCallerAsync(callers, request, ct);
        var input = ScimGroupJson.Read(await Scim.ReadObjectAsync(request, ct));

        var created = await groups.CreateAsync(input, caller.Username, ct);
        var (group, meta, members) = await groups.RequireAsync(created.Id, ct);
        return ScimGroups.Respond(201, group, meta, members);
    }
}
