using Iomete.Functions.Identity.Auth;
using Iomete.Functions.Identity.Users;
using Iomete.Platform.Errors;
using Iomete.Platform.Time;
using Microsoft.Extensions.Logging;

namespace Iomete.Functions.Identity.Ldap;

/// <summary>
/// One full sync: reads every user (and group) entry in pages and makes the LDAP-origin users and groups match.
/// Users and groups of another origin are never touched, even when names collide (they are counted as skipped).
/// </summary>
public sealed partial class LdapSync(
    UserStore users,
    SessionStore sessions,
    LdapSyncStore store,
    LdapGroupSyncer groups,
    TimeProvider clock,
    IIdGenerator ids,
    ILogger<LdapSync> logger)
{
    public async Task<LdapSyncCounts> RunAsync(LdapConnectionSettings config, bool includeGroups, CancellationToken ct)
    {
        var settings = config.Settings;
        var (found, groupEntries) = await ReadWithRetryAsync(config, includeGroups, ct);
        var counts = new LdapSyncCounts();
        var byDn = await SyncUsersAsync(found, settings, counts, ct);
        if (groupEntries is not null)
        {
            await groups.RunAsync(groupEntries, settings.GroupSync, byDn, counts, ct);
        }
        return counts;
    }

    /// <summary>Reads every user (and group) entry; a dropped connection is retried once, since paging cannot resume on a new one.</summary>
    private static async Task<(List<LdapEntry> Users, List<LdapEntry>? Groups)> ReadWithRetryAsync(LdapConnectionSettings config, bool includeGroups, CancellationToken ct)
    {
        try
        {
            return await ReadAsync(config, includeGroups, ct);
        }
        catch (LdapUnavailableException ex) when (ex.Transient)
        {
            await Task.Delay(TimeSpan.FromSeconds(1), ct);
            return await ReadAsync(config, includeGroups, ct);
        }
    }

    private static Task<(List<LdapEntry> Users, List<LdapEntry>? Groups)> ReadAsync(LdapConnectionSettings config, bool includeGroups, CancellationToken ct)
    {
        var settings = config.Settings;
        return LdapDirectory.RunAsync(() =>
        {
            using var directory = LdapDirectory.Open(config);
            var userEntries = directory.Search(settings.UsersDn,
                LdapFilter.Build(settings.UserObjectClasses, settings.UserFilters), LdapUserMapper.Attributes(settings), settings.PageSize).ToList();
            var groupSync = settings.GroupSync;
            var groupList = includeGroups && groupSync.Enabled
                ? directory.Search(groupSync.GroupsDn!, LdapFilter.Build(groupSync.ObjectClasses ?? [], groupSync.Filters ?? []),
                    [groupSync.NameAttribute, groupSync.MembershipAttribute], settings.PageSize).ToList()
                : null;
            return (userEntries, groupList);
        }, ct);
    }

    /// <summary>Creates, updates, restores and disables users; returns user id by normalized DN and by username.</summary>
    private async Task<LdapUserIndex> SyncUsersAsync(IReadOnlyList<LdapEntry> entries, LdapSettings settings, LdapSyncCounts counts, CancellationToken ct)
    {
        var existing = (await users.ListByOriginAsync(LdapSettings.Origin, ct)).ToDictionary(u => u.Username, StringComparer.Ordinal);
        var disabledBySync = await store.DisabledBySyncAsync(ct);
        var index = new LdapUserIndex();
        counts.UsersFound = entries.Count;
        foreach (var entry in entries)
        {
            ct.ThrowIfCancellationRequested();
            if (LdapUserMapper.Map(entry, settings) is not { } ldapUser || index.ByUsername.ContainsKey(ldapUser.Username))
            {
                counts.UsersSkipped++;
                continue;
            }
            var id = existing.Remove(ldapUser.Username, out var user)
                ? await UpdateAsync(user, ldapUser, disabledBySync.Contains(user.Id), counts, ct)
                : await CreateAsync(ldapUser, counts, ct);
            if (id is not null)
            {
                index.Add(LdapUserMapper.NormalizeDn(entry.Dn), ldapUser.Username, id);
            }
        }
        foreach (var gone in existing.Values.Where(u => u.Status == UserStatus.Active && !u.IsSuperAdmin))
        {
            await TrySaveAsync(gone with { Status = UserStatus.Disabled, UpdatedAt = clock.GetUtcNow() }, ct);
            await store.MarkDisabledAsync(gone.Id, disabled: true, ct);
            await sessions.RevokeAllAsync(gone.Id, keepAccessToken: null, ct);
            counts.UsersDisabled++;
        }
        return index;
    }

    private async Task<string?> CreateAsync(LdapUser ldapUser, LdapSyncCounts counts, CancellationToken ct)
    {
        var user = LdapUsers.NewUser(ldapUser, ids.NewId(), clock.GetUtcNow());
        try
        {
            await users.InsertAsync(user, ct);
            counts.UsersCreated++;
            return user.Id;
        }
        catch (ConflictException ex)
        {
            // A local user has this username or email: LDAP never takes it over.
            LogSkipped(logger, ldapUser.Dn, ex.Message);
            counts.UsersSkipped++;
            return null;
        }
    }

    private async Task<string?> UpdateAsync(User user, LdapUser ldapUser, bool disabledBySync, LdapSyncCounts counts, CancellationToken ct)
    {
        var restore = user.Status == UserStatus.Disabled && disabledBySync;
        var updated = user with
        {
            Email = ldapUser.Email, FirstName = ldapUser.FirstName, LastName = ldapUser.LastName, Type = ldapUser.Type,
            Status = restore ? UserStatus.Active : user.Status,
        };
        if (updated == user)
        {
            return user.Id;
        }
        if (!await TrySaveAsync(updated with { UpdatedAt = clock.GetUtcNow() }, ct))
        {
            counts.UsersSkipped++;
            return user.Id;
        }
        if (restore)
        {
            await store.MarkDisabledAsync(user.Id, disabled: false, ct);
            counts.UsersRestored++;
        }
        else
        {
            counts.UsersUpdated++;
        }
        return user.Id;
    }

    private async Task<bool> TrySaveAsync(User user, CancellationToken ct)
    {
        try
        {
            await users.UpdateAsync(user, ct);
            return true;
        }
        catch (ApiException ex) when (ex is ConflictException or NotFoundException)
        {
            LogSkipped(logger, user.Username, ex.Message);
            return false;
        }
    }

    [LoggerMessage(EventId = 3101, Level = LogLevel.Warning, Message = "LDAP sync skipped {Subject}: {Reason}")]
    private static partial void LogSkipped(ILogger logger, string subject, string reason);
}

/// <summary>Platform user ids of the synced entries, by normalized DN and by username.</summary>
public sealed class LdapUserIndex
{
    public Dictionary<string, string> ByDn { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, string> ByUsername { get; } = new(StringComparer.Ordinal);

    public void Add(string normalizedDn, string username, string id)
    {
        ByDn[normalizedDn] = id;
        ByUsername[username] = id;
    }
}

internal static class LdapUsers
{
    /// <summary>A new LDAP-origin user: no local password ever; it logs in by binding to the directory.</summary>
    public static User NewUser(LdapUser ldapUser, string id, DateTimeOffset now) => new(id, ldapUser.Username, ldapUser.Email,
        ldapUser.FirstName, ldapUser.LastName, ldapUser.Type, LdapSettings.Origin, UserStatus.Active, PasswordHash: null,
        PasswordTemporary: false, IsSuperAdmin: false, CreatedBy: "ldap-sync", now, now, 1);
}
