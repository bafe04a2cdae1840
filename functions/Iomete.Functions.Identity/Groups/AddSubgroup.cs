using Iomete.Functions.Identity.Auth;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Identity.Groups;

/// <summary>
/// Nests a group: members of the sub-group become (indirect) members of this group and inherit
/// its admin roles. A nesting that would make a cycle answers 409.
/// </summary>
public sealed class AddSubgroup(ICallerAccessor callers, GroupStore groups)
{
    [Function("identity-group-subgroups-add")]
    [OpenApiOperation("Groups", "Add a sub-group to a group")]
    [OpenApiRequestBody(typeof(AddSubgroupRequest))]
    [OpenApiResponse(204)]
    [OpenApiResponse(404)]
    [OpenApiResponse(409)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/admin/identity/groups/{groupId}/subgroups")] HttpRequest request,
        string groupId,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        AdminCheck.Require(caller, AdminRole.IamManager);
        var body = await RequestBody.ReadAsync<AddSubgroupRequest>(request, ct);

        var parent = await groups.RequireAsync(groupId, ct);
        var child = await groups.RequireAsync(body.GroupId, ct);
        await groups.AddSubgroupAsync(parent.Id, child.Id, ct);
        return ApiResults.NoContent();
    }
}
