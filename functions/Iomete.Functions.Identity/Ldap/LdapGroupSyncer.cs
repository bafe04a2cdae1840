using Iomete.Functions.Identity.Groups;
using Iomete.Platform.Errors;
using Iomete.Platform.Time;
using Microsoft.Extensions.Logging;

namespace Iomete.Functions.Identity.Ldap;

/// <summary>
/// Makes the LDAP-origin groups match the group entries: creates and removes groups, sets their direct members and,
/// with nested groups, their sub-groups (a member entry that is itself a synced group).
/// </summary>
public sealed partial class LdapGroupSyncer(GroupStore groups, LdapSyncStore store, TimeProvider clock, IIdGenerator ids, ILogger<LdapGroupSyncer> logger)
{
    public async Task RunAsync(IReadOnlyList<LdapEntry> entries, LdapGroupSync settings, LdapUserIndex users, LdapSyncCounts counts, CancellationToken ct)
    {
        var all = await store.GroupsAsync(ct);
        var ldapGroups = all.Where(g => g.Origin == LdapSettings.Origin).ToDictionary(g => g.Name, g => g.Id, StringComparer.Ordinal);
        var otherNames = all.Where(g => g.Origin != LdapSettings.Origin).Select(g => g.Name).ToHashSet(StringComparer.Ordinal);
        var existingIds = ldapGroups.Values.ToHashSet(StringComparer.Ordinal);
        counts.GroupsFound = entries.Count;

        // First pass: every group exists, so members that are groups can be resolved by DN.
        var synced = new List<(string Id, LdapEntry Entry)>();
        var groupByDn = new Dictionary<string, string>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            var name = entry.First(settings.NameAttribute)?.Trim();
            if (string.IsNullOrEmpty(name) || name.Length > 255 || otherNames.Contains(name) || !seen.Add(name))
            {
                counts.GroupsSkipped++;
                continue;
            }
            if (!ldapGroups.TryGetValue(name, out var id))
            {
                id = ids.NewId();
                try
                {
                    await groups.InsertAsync(new Group(id, name, Description: null, LdapSettings.Origin, "ldap-sync", clock.GetUtcNow()), ct);
                }
                catch (ConflictException ex)
                {
                    LogSkipped(logger, entry.Dn, ex.Message);
                    counts.GroupsSkipped++;
                    continue;
                }
                counts.GroupsCreated++;
            }
            synced.Add((id, entry));
            groupByDn[LdapUserMapper.NormalizeDn(entry.Dn)] = id;
        }

        var members = await store.MembersAsync(ct);
        var subgroups = await store.SubgroupsAsync(ct);
        foreach (var (id, entry) in synced)
        {
            var (wantUsers, wantGroups) = Resolve(entry.All(settings.MembershipAttribute), settings, users, groupByDn, id);
            var changed = await ApplyAsync(id, members[id].ToHashSet(StringComparer.Ordinal), wantUsers, groups.AddMemberAsync, groups.RemoveMemberAsync, counts, ct);
            changed |= await ApplyAsync(id, subgroups[id].ToHashSet(StringComparer.Ordinal), wantGroups, AddSubgroupAsync, groups.RemoveSubgroupAsync, counts, ct);
            // A group created by this run counts as created, not also as updated.
            counts.GroupsUpdated += changed && existingIds.Contains(id) ? 1 : 0;
        }

        var keep = synced.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var goneId in ldapGroups.Values.Where(id => !keep.Contains(id)))
        {
            await groups.DeleteAsync(goneId, ct);
            counts.GroupsRemoved++;
        }
    }

    private static (HashSet<string> Users, HashSet<string> Groups) Resolve(
        IReadOnlyList<string> values, LdapGroupSync settings, LdapUserIndex users, Dictionary<string, string> groupByDn, string selfId)
    {
        var wantUsers = new HashSet<string>(StringComparer.Ordinal);
        var wantGroups = new HashSet<string>(StringComparer.Ordinal);
        foreach (var value in values)
        {
            if (settings.MembershipAttributeType == MembershipAttributeType.Uid)
            {
                if (users.ByUsername.TryGetValue(value.Trim().ToLowerInvariant(), out var userId))
                {
                    wantUsers.Add(userId);
                }
                continue;
            }
            var dn = LdapUserMapper.NormalizeDn(value);
            if (users.ByDn.TryGetValue(dn, out var byDn))
            {
                wantUsers.Add(byDn);
            }
            else if (settings.NestedGroups && groupByDn.TryGetValue(dn, out var groupId) && groupId != selfId)
            {
                wantGroups.Add(groupId);
            }
        }
        return (wantUsers, wantGroups);
    }

    private async Task<bool> ApplyAsync(string groupId, HashSet<string> current, HashSet<string> wanted,
        Func<string, string, CancellationToken, Task> add, Func<string, string, CancellationToken, Task<bool>> remove,
        LdapSyncCounts counts, CancellationToken ct)
    {
        var changed = false;
        foreach (var id in wanted.Where(w => !current.Contains(w)))
        {
            try
            {
                await add(groupId, id, ct);
                counts.MembershipsAdded++;
                changed = true;
            }
            catch (ConflictException ex)
            {
                // A nested group that would close a cycle in the directory's hierarchy.
                LogSkipped(logger, groupId, ex.Message);
            }
        }
        foreach (var id in current.Where(c => !wanted.Contains(c)))
        {
            if (await remove(groupId, id, ct))
            {
                counts.MembershipsRemoved++;
                changed = true;
            }
        }
        return changed;
    }

    private Task AddSubgroupAsync(string parentId, string childId, CancellationToken ct) => groups.AddSubgroupAsync(parentId, childId, ct);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Warning, Message = "LDAP group sync skipped {Subject}: {Reason}")]
    private static partial void LogSkipped(ILogger logger, string subject, string reason);
}
