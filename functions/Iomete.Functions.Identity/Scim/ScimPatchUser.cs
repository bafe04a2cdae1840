using Iomete.Platform.Functions;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Identity.Scim;

public sealed class ScimPatchUser(ICallerAccessor callers, ScimUsers users)
{
    [Function("identity-scim-users-patch")]
    [OpenApiOperation("SCIM", "Patch a user (PatchOp add/replace/remove, e.g. active=false)")]
    [OpenApiResponse(200)]
    [OpenApiResponse(404)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "patch", Route = ScimPaths.Route + "/Users/{id}")] HttpRequest request,
        string id,
        CancellationToken ct)
    {
        await Scim.RequireCallerAsync(callers, request, ct);
        var patch = await Scim.ReadObjectAsync(request, ct);

        var (user, externalId) = await users.RequireAsync(id, ct);
        ScimUsers.CheckIfMatch(request, user.Version);
        var resource = ScimUserJson.ToJson(user, externalId);
        ScimPatch.Apply(resource, patch);
        var input = ScimUserJson.Read(resource);
        var updated = await users.ReplaceAsync(user, externalId, input, ct);
        return ScimUsers.Respond(200, updated, input.ExternalId);
    }
}
