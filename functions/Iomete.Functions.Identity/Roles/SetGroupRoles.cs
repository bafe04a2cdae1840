using Iomete.Functions.Identity.Auth;
using Iomete.Functions.Identity.Groups;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Identity.Roles;

/// <summary>Replaces a group's admin roles; its members, and members of its sub-groups, inherit them.</summary>
public sealed class SetGroupRoles(ICallerAccessor callers, GroupStore groups, RoleStore roles)
{
    [Function("identity-group-roles-put")]
    [OpenApiOperation("Admin roles", "Replace a group's admin roles")]
    [OpenApiRequestBody(typeof(AdminRolesRequest))]
    [OpenApiResponse(200, typeof(AdminRolesView))]
    [OpenApiResponse(404)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/v1/admin/identity/groups/{groupId}/roles")] HttpRequest request,
        string groupId,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        AdminCheck.Require(caller, AdminRole.IamManager);
        var body = await RequestBody.ReadAsync<AdminRolesRequest>(request, ct);

        var group = await groups.RequireAsync(groupId, ct);
        await roles.ReplaceAsync(Principal.Group, group.Id, body.Roles, ct);
        return ApiResults.Ok(new AdminRolesView(body.Roles.Distinct().Order().ToList()));
    }
}
