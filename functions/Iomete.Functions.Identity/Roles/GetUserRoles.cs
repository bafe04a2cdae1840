using Iomete.Functions.Identity.Auth;
using Iomete.Functions.Identity.Users;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Identity.Roles;

public sealed class GetUserRoles(ICallerAccessor callers, UserStore users, RoleStore roles)
{
    [Function("identity-user-roles-get")]
    [OpenApiOperation("Admin roles", "A user's admin roles, direct and effective")]
    [OpenApiResponse(200, typeof(AdminRolesView))]
    [OpenApiResponse(404)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/admin/identity/users/{userId}/roles")] HttpRequest request,
        string userId,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        AdminCheck.Require(caller, AdminRole.IamManager, forRead: true);

        var user = await users.RequireAsync(userId, ct);
        var direct = await roles.AssignedAsync(Principal.User, user.Id, ct);
        var effective = await roles.EffectiveAsync(user.Id, ct);
        return ApiResults.Ok(new AdminRolesView(direct, effective.AdminRoles.Order().ToList()));
    }
}
