using Iomete.Functions.Identity.Auth;
using Iomete.Platform.Errors;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Identity.Groups;

public sealed class RemoveSubgroup(ICallerAccessor callers, GroupStore groups)
{
    [Function("identity-group-subgroups-remove")]
    [OpenApiOperation("Groups", "Remove a sub-group from a group")]
    [OpenApiResponse(204)]
    [OpenApiResponse(404)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "api/v1/admin/identity/groups/{groupId}/subgroups/{subgroupId}")] HttpRequest request,
        string groupId,
        string subgroupId,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        AdminCheck.Require(caller, AdminRole.IamManager);

        var group = await groups.RequireAsync(groupId, ct);
        if (!await groups.RemoveSubgroupAsync(group.Id, subgroupId, ct))
        {
            throw new NotFoundException("Sub-group", subgroupId);
        }
        return ApiResults.NoContent();
    }
}
