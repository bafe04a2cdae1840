using Iomete.Platform.Functions;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Identity.Scim;

public sealed class ScimReplaceGroup(ICallerAccessor callers, ScimGroups groups)
{
    [Function("identity-scim-groups-replace")]
    [OpenApiOperation("SCIM", "Replace a group's externalId and members (displayName is immutable)")]
    [OpenApiResponse(200)]
    [OpenApiResponse(404)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = ScimPaths.Route + "/Groups/{id}")] HttpRequest request,
        string id,
        CancellationToken ct)
    {
        await Scim.RequireCallerAsync(callers, request, ct);
        var input = ScimGroupJson.Read(await Scim.ReadObjectAsync(request, ct));

        var (group, meta, members) = await groups.RequireAsync(id, ct);
        ScimUsers.CheckIfMatch(request, meta.Version);
        await groups.ReplaceAsync(group, members, input, ct);
        (group, meta, members) = await groups.RequireAsync(id, ct);
        return ScimGroups.Respond(200, group, meta, members);
    }
}
