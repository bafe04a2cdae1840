using Iomete.Functions.Identity.Auth;
using Iomete.Functions.Identity.Users;
using Iomete.Platform.Errors;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Identity.Groups;

public sealed class UpdateGroup(ICallerAccessor callers, GroupStore groups)
{
    [Function("identity-groups-update")]
    [OpenApiOperation("Groups", "Update a group's description (the name is immutable)")]
    [OpenApiRequestBody(typeof(UpdateGroupRequest))]
    [OpenApiResponse(200, typeof(GroupView))]
    [OpenApiResponse(404)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/v1/admin/identity/groups/{groupId}")] HttpRequest request,
        string groupId,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        AdminCheck.Require(caller, AdminRole.IamManager);
        var body = await RequestBody.ReadAsync<UpdateGroupRequest>(request, ct);

        var group = await groups.RequireAsync(groupId, ct);
        var description = UserRules.Text(body.Description);
        if (!await groups.UpdateDescriptionAsync(group.Id, description, ct))
        {
            throw new NotFoundException("Group", groupId);
        }
        return ApiResults.Ok(GroupView.From(group with { Description = description }));
    }
}
