using Iomete.Functions.Identity.Auth;
using Iomete.Functions.Identity.Users;
using Iomete.Platform.Errors;
using Iomete.Platform.Security;
using Iomete.Platform.Time;
using Microsoft.AspNetCore.Http;

namespace Iomete.Functions.Identity.Scim;

/// <summary>The user operations behind the SCIM /Users routes.</summary>
public sealed class ScimUsers(UserStore users, ScimStore store, SessionStore sessions, TimeProvider clock, IIdGenerator ids)
{
    internal async Task<(User User, string? ExternalId)> RequireAsync(string id, CancellationToken ct)
    {
        var user = await users.GetAsync(id, ct) ?? throw ScimException.NotFound("User", id);
        return (user, (await store.MetaAsync(id, user.CreatedAt, ct)).ExternalId);
    }

    /// <summary>A user provisioned by the identity provider: origin IDP, no local password (it logs in through SSO).</summary>
    internal async Task<User> CreateAsync(ScimUserInput input, string createdBy, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var user = new User(ids.NewId(), input.UserName, input.Email, input.GivenName, input.FamilyName, UserType.Person, ScimPaths.IdpOrigin,
            input.Active == false ? UserStatus.Disabled : UserStatus.Active, PasswordHash: null, PasswordTemporary: false, IsSuperAdmin: false,
            createdBy, now, now, 1);
        try
        {
            await users.InsertAsync(user, ct);
        }
        catch (ConflictException ex)
        {
            throw ScimException.Uniqueness(ex.Detail ?? ex.Message);
        }
        if (input.ExternalId is not null)
        {
            await store.SaveMetaAsync(user.Id, "User", input.ExternalId, ct);
        }
        return user;
    }

    /// <summary>Replaces the user's SCIM attributes (PUT, and PATCH after applying its operations); the username never changes.</summary>
    internal async Task<User> ReplaceAsync(User user, string? externalId, ScimUserInput input, CancellationToken ct)
    {
        if (!string.Equals(input.UserName, user.Username, StringComparison.Ordinal))
        {
            throw ScimException.Mutability($"userName is immutable ('{user.Username}').");
        }
        var status = input.Active switch { true => UserStatus.Active, false => UserStatus.Disabled, null => user.Status };
        if (user.IsSuperAdmin && status == UserStatus.Disabled)
        {
            throw ScimException.Mutability("The super admin cannot be deactivated.");
        }
        var updated = user with { Email = input.Email, FirstName = input.GivenName, LastName = input.FamilyName, Status = status };
        if (updated != user)
        {
            updated = updated with { UpdatedAt = clock.GetUtcNow() };
            try
            {
                await users.UpdateAsync(updated, ct);
            }
            catch (ConflictException ex)
            {
                throw ScimException.Uniqueness(ex.Detail ?? ex.Message);
            }
            updated = updated with { Version = user.Version + 1 };
        }
        if (input.ExternalId != externalId)
        {
            await store.SaveMetaAsync(user.Id, "User", input.ExternalId, ct);
        }
        if (status == UserStatus.Disabled && user.Status != UserStatus.Disabled)
        {
            await sessions.RevokeAllAsync(user.Id, keepAccessToken: null, ct);
        }
        return updated;
    }

    internal async Task DeleteAsync(User user, CancellationToken ct)
    {
        if (user.IsSuperAdmin)
        {
            throw ScimException.Mutability("The super admin cannot be deleted.");
        }
        await users.DeleteAsync(user.Id, ct);
        await store.DeleteMetaAsync(user.Id, ct);
    }

    /// <summary>412 when an If-Match header names another version.</summary>
    internal static void CheckIfMatch(HttpRequest request, int version)
    {
        var ifMatch = request.Headers.IfMatch.ToString();
        if (ifMatch.Length > 0 && ifMatch != "*" && !ifMatch.Split(',').Any(t => t.Trim() == Scim.ETag(version)))
        {
            throw new ScimException(412, null, $"The resource is at version {Scim.ETag(version)}; read it again and retry.");
        }
    }

    internal static ScimResult Respond(int status, User user, string? externalId) =>
        new(status, ScimUserJson.ToJson(user, externalId), status == 201 ? ScimUserJson.Location(user.Id) : null, Scim.ETag(user.Version));
}
