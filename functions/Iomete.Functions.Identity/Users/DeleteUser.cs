using Iomete.Functions.Identity.Auth;
using Iomete.Platform.Errors;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Identity.Users;

/// <summary>Deletes a user with its memberships, admin roles, sessions and access tokens. Never the super admin.</summary>
public sealed class DeleteUser(ICallerAccessor callers, UserStore users)
{
    [Function("identity-users-delete")]
    [OpenApiOperation("Users", "Delete a user")]
    [OpenApiResponse(204)]
    [OpenApiResponse(404)]
    [OpenApiResponse(409)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "api/v1/admin/identity/users/{userId}")] HttpRequest request,
        string userId,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        AdminCheck.Require(caller, AdminRole.IamManager);

        var user = await users.RequireAsync(userId, ct);
        if (user.IsSuperAdmin)
        {
            throw new ConflictException($"The super admin '{user.Username}' cannot be deleted.");
        }
        if (!await users.DeleteAsync(user.Id, ct))
        {
            throw new NotFoundException("User", userId);
        }
        return ApiResults.NoContent();
    }
}
