using Iomete.Platform.Functions;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Identity.Scim;

public sealed class ScimCreateUser(ICallerAccessor callers, ScimUsers users)
{
    [Function("identity-scim-users-create")]
    [OpenApiOperation("SCIM", "Provision a user (origin IDP)")]
    [OpenApiResponse(201)]
    [OpenApiResponse(409)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = ScimPaths.Route + "/Users")] HttpRequest request,
        CancellationToken ct)
    {
        var caller = await Scim.RequireCallerAsync(callers, request, ct);
        var input = ScimUserJson.Read(await Scim.ReadObjectAsync(request, ct));

        var user = await users.CreateAsync(input, caller.Username, ct);
        return ScimUsers.Respond(201, user, input.ExternalId);
    }
}
