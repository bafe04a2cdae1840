using Iomete.Platform.Http;
using Iomete.Platform.Functions;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Identity.Scim;

public sealed class ScimDeleteGroup(ICallerAccessor callers, ScimGroups groups)
{
    [Function("identity-scim-groups-delete")]
    [OpenApiOperation("SCIM", "Delete a group")]
    [OpenApiResponse(204)]
    [OpenApiResponse(404)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = ScimPaths.Route + "/Groups/{id}")] HttpRequest request,
        string id,
        CancellationToken ct)
    {
        await Scim.RequireCallerAsync(callers, request, ct);
        var (group, _, _) = await groups.RequireAsync(id, ct);
        await groups.DeleteAsync(group, ct);
        return ApiResults.NoContent();
    }
}
