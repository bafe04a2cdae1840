using Iomete.Functions.Identity.Auth;
using Iomete.Functions.Identity.Roles;
using Iomete.Functions.Identity.Users;
using Iomete.Platform.Errors;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Iomete.Platform.Time;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Iomete.Functions.Identity.Tokens;

/// <summary>
/// What the personal, admin and domain token routes share once they know whose tokens they
/// manage: list, create (secret shown once), suspend/resume or limit, delete.
/// </summary>
public sealed class AccessTokenOperations(
    AccessTokenStore tokens,
    UserStore users,
    RoleStore roles,
    TokenRateLimiter rateLimiter,
    TimeProvider clock,
    IIdGenerator ids,
    IOptions<IdentityOptions> options)
{
    public async Task<IActionResult> ListAsync(HttpRequest request, string ownerId, CancellationToken ct)
    {
        var query = ListQuery.From(request, AccessTokenStore.Sortable, "name");
        var page = await tokens.ListAsync(ownerId, query, ct);
        return ApiResults.Ok(new Page<AccessTokenView>(page.Items.Select(t => AccessTokenView.From(t)).ToList(), page.Total, page.Offset, page.Limit));
    }

    public async Task<IActionResult> CreateAsync(CreateAccessTokenRequest body, string ownerId, Caller caller, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (body.ExpiresAt is { } requested && requested <= now)
        {
            throw ValidationException.ForField("expiresAt", "must be in the future");
        }
        var latest = now + options.Value.MaxAccessTokenLifetime;
        var expiresAt = body.ExpiresAt is { } e && e < latest ? e : latest;
        var secret = SecretTokens.New(SecretTokens.AccessTokenPrefix);
        var token = new AccessToken(ids.NewId(), ownerId, body.Name, TokenStatus.Active, body.MaxRps,
            DateTimeOffset.FromUnixTimeMilliseconds(expiresAt.ToUnixTimeMilliseconds()), caller.Username, now, null);
        await tokens.InsertAsync(token, SecretTokens.Hash(secret), ct);
        return ApiResults.Created(AccessTokenView.From(token, secret));
    }

    public async Task<IActionResult> UpdateAsync(UpdateAccessTokenRequest body, string ownerId, string name, CancellationToken ct)
    {
        if (body.Status is null && body.MaxRps is null)
        {
            throw new ValidationException("Give a status, a maxRps, or both.");
        }
        var token = await tokens.RequireAsync(ownerId, name, ct);
        var updated = token with
        {
            Status = body.Status ?? token.Status,
            MaxRps = body.MaxRps is { } rps ? (rps == 0 ? null : rps) : token.MaxRps,
        };
        if (!await tokens.UpdateAsync(updated, ct))
        {
            throw new NotFoundException("Access token", name);
        }
        return ApiResults.Ok(AccessTokenView.From(updated));
    }

    public async Task<IActionResult> DeleteAsync(string ownerId, string name, CancellationToken ct)
    {
        var token = await tokens.RequireAsync(ownerId, name, ct);
        if (!await tokens.DeleteAsync(token.Id, ct))
        {
            throw new NotFoundException("Access token", name);
        }
        rateLimiter.Forget(token.Id);
        return ApiResults.NoContent();
    }

    /// <summary>Whose personal tokens the caller manages: their own; the platform itself has none.</summary>
    public static string PersonalOwner(Caller caller) =>
        caller.IsSystem() ? throw new ForbiddenException("The platform itself has no access tokens.") : caller.UserId;

    /// <summary>The user behind <paramref name="serviceAccountId"/>; 404 unless it is a service account.</summary>
    public async Task<User> RequireServiceAccountAsync(string serviceAccountId, CancellationToken ct)
    {
        var user = await users.GetAsync(serviceAccountId, ct);
        return user is { Type: UserType.ServiceAccount } ? user : throw new NotFoundException("Service account", serviceAccountId);
    }

    /// <summary>
    /// In a domain, a user without IAM_MANAGER manages a service account's tokens only if they
    /// share a group with it (as in IOMETE), besides holding the domain's MANAGE_ACCESS_TOKEN.
    /// </summary>
    public async Task RequireSharedGroupAsync(Caller caller, User serviceAccount, CancellationToken ct)
    {
        var membership = await roles.EffectiveAsync(serviceAccount.Id, ct);
        if (!membership.GroupIds.Overlaps(caller.GroupIds))
        {
            throw new ForbiddenException($"You share no group with service account '{serviceAccount.Username}'.");
        }
    }
}
