using Iomete.Functions.Identity.Auth;
using Iomete.Functions.Identity.Users;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Identity.Roles;

public sealed class SetUserRoles(ICallerAccessor callers, UserStore users, RoleStore roles)
{
    [Function("identity-user-roles-put")]
    [OpenApiOperation("Admin roles", "Replace a user's directly assigned admin roles")]
    [OpenApiRequestBody(typeof(AdminRolesRequest))]
    [OpenApiResponse(200, typeof(AdminRolesView))]
    [OpenApiResponse(404)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/v1/admin/identity/users/{userId}/roles")] HttpRequest request,
        string userId,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        AdminCheck.Require(caller, AdminRole.IamManager);
        var body = await RequestBody.ReadAsync<AdminRolesRequest>(request, ct);

        var user = await users.RequireAsync(userId, ct);
        await roles.ReplaceAsync(Principal.User, user.Id, body.Roles, ct);
        var effective = await roles.EffectiveAsync(user.Id, ct);
        return ApiResults.Ok(new AdminRolesView(body.Roles.Distinct().Order().ToList(), effective.AdminRoles.Order().ToList()));
    }
}
