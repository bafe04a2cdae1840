using Iomete.Platform.Http;
using Iomete.Platform.Functions;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Identity.Scim;

public sealed class ScimDeleteUser(ICallerAccessor callers, ScimUsers users)
{
    [Function("identity-scim-users-delete")]
    [OpenApiOperation("SCIM", "Delete a user")]
    [OpenApiResponse(204)]
    [OpenApiResponse(404)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = ScimPaths.Route + "/Users/{id}")] HttpRequest request,
        string id,
        CancellationToken ct)
    {
        await Scim.RequireCallerAsync(callers, request, ct);
        var (user, _) = await users.RequireAsync(id, ct);
        await users.DeleteAsync(user, ct);
        return ApiResults.NoContent();
    }
}
