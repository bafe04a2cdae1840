using Iomete.Platform.Functions;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Identity.Scim;

public sealed class ScimPatchGroup(ICallerAccessor callers, ScimGroups groups)
{
    [Function("identity-scim-groups-patch")]
    [OpenApiOperation("SCIM", "Patch a group: add or remove members (path members[value eq \"id\"]), externalId")]
    [OpenApiResponse(200)]
    [OpenApiResponse(404)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "patch", Route = ScimPaths.Route + "/Groups/{id}")] HttpRequest request,
        string id,
        CancellationToken ct)
    {
        await Scim.RequireCallerAsync(callers, request, ct);
        var patch = await Scim.ReadObjectAsync(request, ct);

        var (group, meta, members) = await groups.RequireAsync(id, ct);
        ScimUsers.CheckIfMatch(request, meta.Version);
        var resource = ScimGroupJson.ToJson(group, meta, members);
        ScimPatch.Apply(resource, patch);
        var input = ScimGroupJson.Read(resource);
        await groups.ReplaceAsync(group, members, input with { Members = input.Members ?? [] }, ct);
        (group, meta, members) = await groups.RequireAsync(id, ct);
        return ScimGroups.Respond(200, group, meta, members);
    }
}
