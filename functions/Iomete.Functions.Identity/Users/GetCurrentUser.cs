using Iomete.Functions.Identity.Auth;
using Iomete.Functions.Identity.Groups;
using Iomete.Platform.Errors;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Identity.Users;

public sealed record GroupRef(string Id, string Name);

/// <summary>The caller's profile with effective groups (direct and inherited) and effective admin roles.</summary>
public sealed record CurrentUserView(
    string Id,
    string Username,
    string? Email,
    string? FirstName,
    string? LastName,
    UserType Type,
    string Origin,
    bool IsSuperAdmin,
    bool PasswordChangeRequired,
    IReadOnlyList<GroupRef> Groups,
    IReadOnlyList<AdminRole> AdminRoles);

public sealed class GetCurrentUser(ICallerAccessor callers, UserStore users, GroupStore groups)
{
    [Function("identity-current-user-get")]
    [OpenApiOperation("Current user", "The calling user, with groups and admin roles")]
    [OpenApiResponse(200, typeof(CurrentUserView))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/user")] HttpRequest request,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        var roles = caller.AdminRoles.Order().ToList();
        if (caller.IsSystem())
        {
            return ApiResults.Ok(new CurrentUserView(caller.UserId, caller.Username, null, null, null, caller.Type, "SYSTEM",
                caller.IsSuperAdmin, false, [], roles));
        }
        var user = await users.GetAsync(caller.UserId, ct) ?? throw new UnauthorizedException("The user of this token no longer exists.");
        var memberOf = await groups.RefsAsync(caller.GroupIds, ct);
        return ApiResults.Ok(new CurrentUserView(user.Id, user.Username, user.Email, user.FirstName, user.LastName, user.Type,
            user.Origin, user.IsSuperAdmin, user.PasswordTemporary, memberOf, roles));
    }
}
