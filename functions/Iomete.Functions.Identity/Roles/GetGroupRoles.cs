using Iomete.Functions.Identity.Auth;
using Iomete.Functions.Identity.Groups;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Identity.Roles;

public sealed class GetGroupRoles(ICallerAccessor callers, GroupStore groups, RoleStore roles)
{
    [Function("identity-group-roles-get")]
    [OpenApiOperation("Admin roles", "A group's admin roles")]
    [OpenApiResponse(200, typeof(AdminRolesView))]
    [OpenApiResponse(404)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/admin/identity/groups/{groupId}/roles")] HttpRequest request,
        string groupId,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        AdminCheck.Require(caller, AdminRole.IamManager, forRead: true);

        var group = await groups.RequireAsync(groupId, ct);
        return ApiResults.Ok(new AdminRolesView(await roles.AssignedAsync(Principal.Group, group.Id, ct)));
    }
}
