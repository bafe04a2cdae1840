using System.ComponentModel.DataAnnotations;
using Iomete.Functions.Identity.Auth;
using Iomete.Platform.Errors;
using ValidationException = Iomete.Platform.Errors.ValidationException;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Identity.Users;

/// <summary>Fields left out stay as they are; an empty string clears email or a name. The username never changes.</summary>
public sealed record UpdateUserRequest(
    [property: MaxLength(320)] string? Email = null,
    [property: MaxLength(255)] string? FirstName = null,
    [property: MaxLength(255)] string? LastName = null,
    UserType? Type = null,
    UserStatus? Status = null);

public sealed class UpdateUser(ICallerAccessor callers, UserStore users, SessionStore sessions, TimeProvider clock)
{
    [Function("identity-users-update")]
    [OpenApiOperation("Users", "Update a user's email, names, type or status")]
    [OpenApiRequestBody(typeof(UpdateUserRequest))]
    [OpenApiResponse(200, typeof(UserView))]
    [OpenApiResponse(404)]
    [OpenApiResponse(409)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/v1/admin/identity/users/{userId}")] HttpRequest request,
        string userId,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        AdminCheck.Require(caller, AdminRole.IamManager);
        var body = await RequestBody.ReadAsync<UpdateUserRequest>(request, ct);
        if (!string.IsNullOrWhiteSpace(body.Email) && !new EmailAddressAttribute().IsValid(body.Email.Trim()))
        {
            throw ValidationException.ForField("email", "is not a valid email address");
        }

        var user = await users.RequireAsync(userId, ct);
        if (user.IsSuperAdmin && (body.Status is UserStatus.Disabled || body.Type is UserType.ServiceAccount))
        {
            throw new ConflictException("The super admin cannot be disabled or made a service account.");
        }
        var updated = user with
        {
            Email = body.Email is null ? user.Email : UserRules.Email(body.Email),
            FirstName = body.FirstName is null ? user.FirstName : UserRules.Text(body.FirstName),
            LastName = body.LastName is null ? user.LastName : UserRules.Text(body.LastName),
            Type = body.Type ?? user.Type,
            Status = body.Status ?? user.Status,
            UpdatedAt = clock.GetUtcNow(),
        };
        await users.UpdateAsync(updated, ct);
        if (updated.Status == UserStatus.Disabled)
        {
            await sessions.RevokeAllAsync(user.Id, keepAccessToken: null, ct);
        }
        return ApiResults.Ok(UserView.From(updated));
    }
}
