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

public sealed record ChangePasswordRequest([property: Required] string CurrentPassword, [property: Required] string NewPassword);

/// <summary>
/// The caller changes their own password. Wrong current passwords count as failed logins, and
/// every other session of the user ends.
/// </summary>
public sealed class ChangePassword(
    ICallerAccessor callers, UserStore users, PasswordHasher hasher, LoginThrottle throttle, SessionStore sessions, TimeProvider clock)
{
    [Function("identity-current-user-password")]
    [OpenApiOperation("Current user", "Change the caller's password")]
    [OpenApiRequestBody(typeof(ChangePasswordRequest))]
    [OpenApiResponse(204)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/v1/user/password")] HttpRequest request,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        if (caller.IsSystem())
        {
            throw new ForbiddenException("The platform has no password.");
        }
        var body = await RequestBody.ReadAsync<ChangePasswordRequest>(request, ct);
        PasswordPolicy.Require("newPassword", body.NewPassword);

        var clientIp = request.HttpContext.Connection.RemoteIpAddress?.ToString();
        await throttle.EnsureAllowedAsync(caller.Username, clientIp, ct);
        var user = await users.RequireAsync(caller.UserId, ct);
        if (!hasher.Verify(body.CurrentPassword, user.PasswordHash))
        {
            await throttle.RecordFailureAsync(caller.Username, clientIp, ct);
            throw ValidationException.ForField("currentPassword", "is not correct");
        }
        await users.UpdateAsync(user with
        {
            PasswordHash = hasher.Hash(body.NewPassword), PasswordTemporary = false, UpdatedAt = clock.GetUtcNow(),
        }, ct);
        await sessions.RevokeAllAsync(user.Id, CallerAccessor.ReadToken(request), ct);
        return ApiResults.NoContent();
    }
}
