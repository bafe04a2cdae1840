using Iomete.Platform.Functions;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Identity.Scim;

public sealed class ScimGetUser(ICallerAccessor callers, ScimUsers users)
{
    [Function("identity-scim-users-get")]
    [OpenApiOperation("SCIM", "Get a user")]
    [OpenApiResponse(200)]
    [OpenApiResponse(404)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ScimPaths.Route + "/Users/{id}")] HttpRequest request,
        string id,
        CancellationToken ct)
    {
        await Scim.RequireCallerAsync(callers, request, ct);
        var (user, externalId) = await users.RequireAsync(id, ct);
        return ScimUsers.Respond(200, user, externalId);
    }
}
