using Iomete.Platform.Functions;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Identity.Scim;

public sealed class ScimReplaceUser(ICallerAccessor callers, ScimUsers users)
{
    [Function("identity-scim-users-replace")]
    [OpenApiOperation("SCIM", "Replace a user's attributes (active=false disables it)")]
    [OpenApiResponse(200)]
    [OpenApiResponse(404)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = ScimPaths.Route + "/Users/{id}")] HttpRequest request,
        string id,
        CancellationToken ct)
    {
        await Scim.RequireCallerAsync(callers, request, ct);
        var input = ScimUserJson.Read(await Scim.ReadObjectAsync(request, ct));

        var (user, externalId) = await users.RequireAsync(id, ct);
        ScimUsers.CheckIfMatch(request, user.Version);
        var updated = await users.ReplaceAsync(user, externalId, input, ct);
        return ScimUsers.Respond(200, updated, input.ExternalId);
    }
}
