using System.Text.RegularExpressions;
using Dapper;
using Iomete.Functions.Identity.Groups;
using Iomete.Functions.Identity.Storage;
using Iomete.Functions.Identity.Users;
using Iomete.Platform.Errors;
using Iomete.Platform.Security;
using Iomete.Platform.Time;

namespace Iomete.Functions.Identity.Sso;

/// <summary>The user the provider vouched for, after claim mapping; <see cref="Groups"/> is null when groups are not mapped.</summary>
public sealed record SsoIdentity(string Username, string? Email, string? FirstName, string? LastName, IReadOnlyList<string>? Groups);

/// <summary>
/// Creates or updates the IDP-origin user of an SSO login and syncs its memberships of IDP-origin groups. A user or
/// group of another origin with the same name is never taken over: the provider must not be able to claim a local
/// account or a local group (which may carry admin roles).
/// </summary>
public sealed partial class SsoUserSync(UserStore users, GroupStore groups, IdentityDb db, IIdGenerator ids, TimeProvider clock)
{
    public const string OriginIdp = "IDP";

    public static SsoIdentity Map(IReadOnlyDictionary<string, object> claims, SsoClaimMappings mappings)
    {
        var username = SsoTokenValidator.Text(claims, mappings.Username)?.Trim().ToLowerInvariant();
        if (username is null || !UsernamePattern().IsMatch(username))
        {
            throw new ForbiddenException($"The identity provider's '{mappings.Username}' claim is missing or not a valid username ({UserRules.UsernameMessage}).");
        }
        IReadOnlyList<string>? groupNames = mappings.Groups is { Length: > 0 } claim
            ? SsoTokenValidator.List(claims, claim).Select(g => g.Trim()).Where(g => g.Length is > 0 and <= 255).Distinct(StringComparer.Ordinal).ToList()
            : null;
        return new SsoIdentity(username, UserRules.Email(SsoTokenValidator.Text(claims, mappings.Email)),
            UserRules.Text(SsoTokenValidator.Text(claims, mappings.FirstName)), UserRules.Text(SsoTokenValidator.Text(claims, mappings.LastName)), groupNames);
    }

    public async Task<User> UpsertAsync(SsoIdentity identity, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var user = await users.FindByUsernameAsync(identity.Username, ct);
        if (user is null)
        {
            user = new User(ids.NewId(), identity.Username, identity.Email, identity.FirstName, identity.LastName, UserType.Person, OriginIdp,
                UserStatus.Active, null, false, false, "sso", now, now, 1);
            if (!await TryInsertAsync(user, ct))
            {
                // Another login of the same user won the race: continue with that one.
                user = await users.FindByUsernameAsync(identity.Username, ct) ?? throw new ConflictException("The user changed during sign-in; try again.");
            }
        }
        if (user.Origin != OriginIdp)
        {
            throw new ConflictException($"A {user.Origin} user named '{user.Username}' exists already; single sign-on does not take over accounts of another origin.");
        }
        if (user.Status != UserStatus.Active)
        {
            throw new ForbiddenException("This user is disabled.");
        }
        if (user.Email != identity.Email || user.FirstName != identity.FirstName || user.LastName != identity.LastName)
        {
            user = user with { Email = identity.Email, FirstName = identity.FirstName, LastName = identity.LastName, UpdatedAt = now };
            await users.UpdateAsync(user, ct);
            user = user with { Version = user.Version + 1 };
        }
        if (identity.Groups is not null)
        {
            await SyncGroupsAsync(user.Id, identity.Groups, ct);
        }
        return user;
    }

    private async Task<bool> TryInsertAsync(User user, CancellationToken ct)
    {
        try
        {
            return await users.TryInsertAsync(user, ct);
        }
        catch (Exception ex) when (db.IsUniqueViolation(ex))
        {
            throw new ConflictException($"Another user has the email '{user.Email}' already.");
        }
    }

    private async Task SyncGroupsAsync(string userId, IReadOnlyList<string> names, CancellationToken ct)
    {
        List<GroupRow> existing;
        List<GroupRow> current;
        await using (var connection = await db.OpenAsync(ct))
        {
            existing = (await connection.QueryAsync<GroupRow>(new CommandDefinition(
                "SELECT id AS Id, name AS Name, origin AS Origin FROM user_groups", cancellationToken: ct))).ToList();
            current = (await connection.QueryAsync<GroupRow>(new CommandDefinition(
                """
                SELECT g.id AS Id, g.name AS Name, g.origin AS Origin FROM group_members m JOIN user_groups g ON g.id = m.group_id
                WHERE m.user_id = @userId AND g.origin = @origin
                """,
                new { userId, origin = OriginIdp }, cancellationToken: ct))).ToList();
        }
        var byName = existing.ToDictionary(g => g.Name, StringComparer.Ordinal);
        var wanted = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in names)
        {
            if (!byName.TryGetValue(name, out var group))
            {
                group = new GroupRow { Id = ids.NewId(), Name = name, Origin = OriginIdp };
                try
                {
                    await groups.InsertAsync(new Groups.Group(group.Id, name, "Synced from the identity provider", OriginIdp, "sso", clock.GetUtcNow()), ct);
                }
                catch (ConflictException)
                {
                    continue;
                }
            }
            if (group.Origin == OriginIdp)
            {
                wanted.Add(group.Id);
                await groups.AddMemberAsync(group.Id, userId, ct);
            }
        }
        foreach (var stale in current.Where(g => !wanted.Contains(g.Id)))
        {
            await groups.RemoveMemberAsync(stale.Id, userId, ct);
        }
    }

    [GeneratedRegex(UserRules.UsernamePattern)]
    private static partial Regex UsernamePattern();

    private sealed class GroupRow
    {
        public string Id { get; init; } = "";
        public string Name { get; init; } = "";
        public string Origin { get; init; } = "";
    }
}
