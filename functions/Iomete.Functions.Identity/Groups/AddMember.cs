using Iomete.Functions.Identity.Auth;
using Iomete.Functions.Identity.Users;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Identity.Groups;

public sealed class AddMember(ICallerAccessor callers, GroupStore groups, UserStore users)
{
    [Function("identity-group-members-add")]
    [OpenApiOperation("Groups", "Add a user to a group")]
    [OpenApiRequestBody(typeof(AddMemberRequest))]
    [OpenApiResponse(204)]
    [OpenApiResponse(404)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/admin/identity/groups/{groupId}/members")] HttpRequest request,
        string groupId,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        AdminCheck.Require(caller, AdminRole.IamManager);
        var body = await RequestBody.ReadAsync<AddMemberRequest>(request, ct);

        var group = await groups.RequireAsync(groupId, ct);
        var user = await users.RequireAsync(body.UserId, ct);
        await groups.AddMemberAsync(group.Id, user.Id, ct);
        return ApiResults.NoContent();
    }
}
