using System.ComponentModel.DataAnnotations;
using Iomete.Functions.Identity.Auth;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Iomete.Platform.Time;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Identity.Users;

/// <param name="Password">
/// Optional. Without it a person gets a generated temporary password, returned once; a service
/// account gets none (it uses access tokens).
/// </param>
/// <param name="Temporary">Whether the given password must be changed at first login.</param>
public sealed record CreateUserRequest(
    [property: Required, RegularExpression(UserRules.UsernamePattern, ErrorMessage = UserRules.UsernameMessage)] string Username,
    [property: EmailAddress, MaxLength(320)] string? Email = null,
    [property: MaxLength(255)] string? FirstName = null,
    [property: MaxLength(255)] string? LastName = null,
    UserType Type = UserType.Person,
    string? Password = null,
    bool Temporary = false);

public sealed class CreateUser(ICallerAccessor callers, UserStore users, PasswordHasher hasher, TimeProvider clock, IIdGenerator ids)
{
    [Function("identity-users-create")]
    [OpenApiOperation("Users", "Create a user")]
    [OpenApiRequestBody(typeof(CreateUserRequest))]
    [OpenApiResponse(201, typeof(UserView))]
    [OpenApiResponse(409)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/admin/identity/users")] HttpRequest request,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        AdminCheck.Require(caller, AdminRole.IamManager);
        var body = await RequestBody.ReadAsync<CreateUserRequest>(request, ct);
        if (body.Password is not null)
        {
            PasswordPolicy.Require("password", body.Password);
        }

        var generated = body.Password is null && body.Type == UserType.Person ? PasswordPolicy.Generate() : null;
        var password = body.Password ?? generated;
        var now = clock.GetUtcNow();
        var user = new User(ids.NewId(), body.Username.ToLowerInvariant(), UserRules.Email(body.Email), UserRules.Text(body.FirstName),
            UserRules.Text(body.LastName), body.Type, User.OriginIomete, UserStatus.Active, password is null ? null : hasher.Hash(password),
            PasswordTemporary: generated is not null || (password is not null && body.Temporary), IsSuperAdmin: false,
            caller.Username, now, now, 1);
        await users.InsertAsync(user, ct);
        return ApiResults.Created(UserView.From(user) with { TemporaryPassword = generated },
            $"/api/v1/admin/identity/users/{user.Id}");
    }
}
