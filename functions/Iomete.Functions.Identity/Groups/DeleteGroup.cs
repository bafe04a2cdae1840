using Iomete.Functions.Identity.Auth;
using Iomete.Platform.Errors;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Identity.Groups;

/// <summary>Deletes a group; its members, sub-group links and admin roles go with it (the users and sub-groups stay).</summary>
public sealed class DeleteGroup(ICallerAccessor callers, GroupStore groups)
{
    [Function("identity-groups-delete")]
    [OpenApiOperation("Groups", "Delete a group")]
    [OpenApiResponse(204)]
    [OpenApiResponse(404)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "api/v1/admin/identity/groups/{groupId}")] HttpRequest request,
        string groupId,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        AdminCheck.Require(caller, AdminRole.IamManager);

        if (!await groups.DeleteAsync(groupId, ct))
        {
            throw new NotFoundException("Group", groupId);
        }
        return ApiResults.NoContent();
    }
}
