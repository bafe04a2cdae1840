using Iomete.Functions.Identity.Auth;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Identity.Users;

/// <param name="Password">Optional; without it a temporary password is generated and returned once.</param>
/// <param name="Temporary">Whether the given password must be changed at next login (generated ones always are).</param>
public sealed record ResetPasswordRequest(string? Password = null, bool Temporary = true);

public sealed record ResetPasswordResult(string? TemporaryPassword, bool PasswordChangeRequired);

/// <summary>An IAM manager sets a new password for a user; the user's sessions end.</summary>
public sealed class ResetPassword(ICallerAccessor callers, UserStore users, PasswordHasher hasher, SessionStore sessions, TimeProvider clock)
{
    [Function("identity-users-reset-password")]
    [OpenApiOperation("Users", "Reset a user's password")]
    [OpenApiRequestBody(typeof(ResetPasswordRequest))]
    [OpenApiResponse(200, typeof(ResetPasswordResult))]
    [OpenApiResponse(404)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/admin/identity/users/{userId}/reset-password")] HttpRequest request,
        string userId,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        AdminCheck.Require(caller, AdminRole.IamManager);
        var body = HasBody(request) ? await RequestBody.ReadAsync<ResetPasswordRequest>(request, ct) : new ResetPasswordRequest();
        if (body.Password is not null)
        {
            PasswordPolicy.Require("password", body.Password);
        }

        var user = await users.RequireAsync(userId, ct);
        var generated = body.Password is null ? PasswordPolicy.Generate() : null;
        var temporary = generated is not null || body.Temporary;
        await users.UpdateAsync(user with
        {
            PasswordHash = hasher.Hash(body.Password ?? generated!), PasswordTemporary = temporary, UpdatedAt = clock.GetUtcNow(),
        }, ct);
        await sessions.RevokeAllAsync(user.Id, keepAccessToken: null, ct);
        return ApiResults.Ok(new ResetPasswordResult(generated, temporary));
    }

    private static bool HasBody(HttpRequest request) =>
        request.ContentLength > 0 || (request.ContentLength is null && request.Headers.TransferEncoding.Count > 0);
}
