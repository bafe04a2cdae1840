using Iomete.Functions.Identity.Auth;
using Iomete.Platform.Errors;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Identity.Groups;

public sealed class RemoveMember(ICallerAccessor callers, GroupStore groups)
{
    [Function("identity-group-members-remove")]
    [OpenApiOperation("Groups", "Remove a user from a group")]
    [OpenApiResponse(204)]
    [OpenApiResponse(404)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "api/v1/admin/identity/groups/{groupId}/members/{userId}")] HttpRequest request,
        string groupId,
        string userId,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        AdminCheck.Require(caller, AdminRole.IamManager);

        var group = await groups.RequireAsync(groupId, ct);
        if (!await groups.RemoveMemberAsync(group.Id, userId, ct))
        {
            throw new NotFoundException("Member", userId);
        }
        return ApiResults.NoContent();
    }
}
