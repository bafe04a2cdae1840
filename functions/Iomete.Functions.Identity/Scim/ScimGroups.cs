using Iomete.Functions.Identity.Groups;
using Iomete.Functions.Identity.Users;
using Iomete.Platform.Errors;
using Iomete.Platform.Time;

namespace Iomete.Functions.Identity.Scim;

/// <summary>The group operations behind the SCIM /Groups routes.</summary>
public sealed class ScimGroups(GroupStore groups, UserStore users, ScimStore store, TimeProvider clock, IIdGenerator ids)
{
    internal async Task<(Group Group, ScimMeta Meta, IReadOnlyList<ScimMember> Members)> RequireAsync(string id, CancellationToken ct)
    {
        var group = await groups.GetAsync(id, ct) ?? throw ScimException.NotFound("Group", id);
        return (group, await store.MetaAsync(id, group.CreatedAt, ct), await store.MembersAsync(id, ct));
    }

    internal async Task<Group> CreateAsync(ScimGroupInput input, string createdBy, CancellationToken ct)
    {
        var group = new Group(ids.NewId(), input.DisplayName, Description: null, ScimPaths.IdpOrigin, createdBy, clock.GetUtcNow());
        try
        {
            await groups.InsertAsync(group, ct);
        }
        catch (ConflictException ex)
        {
            throw ScimException.Uniqueness(ex.Detail ?? ex.Message);
        }
        await SetMembersAsync(group.Id, [], input.Members ?? [], ct);
        await store.SaveMetaAsync(group.Id, "Group", input.ExternalId, ct);
        return group;
    }

    /// <summary>Replaces externalId and (when given) the members; the name of a group never changes.</summary>
    internal async Task ReplaceAsync(Group group, IReadOnlyList<ScimMember> current, ScimGroupInput input, CancellationToken ct)
    {
        if (!string.Equals(input.DisplayName, group.Name, StringComparison.Ordinal))
        {
            throw ScimException.Mutability($"displayName is immutable ('{group.Name}').");
        }
        if (input.Members is { } members)
        {
            await SetMembersAsync(group.Id, current, members, ct);
        }
        await store.SaveMetaAsync(group.Id, "Group", input.ExternalId, ct);
    }

    internal async Task DeleteAsync(Group group, CancellationToken ct)
    {
        await groups.DeleteAsync(group.Id, ct);
        await store.DeleteMetaAsync(group.Id, ct);
    }

    /// <summary>Adds and removes direct members: a value naming a user is a member, one naming a group a sub-group.</summary>
    private async Task SetMembersAsync(string groupId, IReadOnlyList<ScimMember> current, IReadOnlyList<string> wanted, CancellationToken ct)
    {
        var have = current.ToDictionary(m => m.Value, StringComparer.Ordinal);
        foreach (var id in wanted.Where(w => !have.ContainsKey(w)))
        {
            if (await users.GetAsync(id, ct) is not null)
            {
                await groups.AddMemberAsync(groupId, id, ct);
            }
            else if (await groups.GetAsync(id, ct) is not null)
            {
                try
                {
                    await groups.AddSubgroupAsync(groupId, id, ct);
                }
                catch (ConflictException ex)
                {
                    throw ScimException.InvalidValue(ex.Detail ?? ex.Message);
                }
            }
            else
            {
                throw ScimException.InvalidValue($"Member '{id}' is neither a user nor a group.");
            }
        }
        var keep = wanted.ToHashSet(StringComparer.Ordinal);
        foreach (var member in current.Where(m => !keep.Contains(m.Value)))
        {
            _ = member.Type == "User"
                ? await groups.RemoveMemberAsync(groupId, member.Value, ct)
                : await groups.RemoveSubgroupAsync(groupId, member.Value, ct);
        }
    }

    internal static ScimResult Respond(int status, Group group, ScimMeta meta, IReadOnlyList<ScimMember>? members) =>
        new(status, ScimGroupJson.ToJson(group, meta, members), status == 201 ? ScimGroupJson.Location(group.Id) : null, Scim.ETag(meta.Version));
}
