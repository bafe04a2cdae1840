using Dapper;
using Iomete.Functions.Identity.Storage;

namespace Iomete.Functions.Identity.Ldap;

/// <summary>What the sync reads and marks beside the user and group stores.</summary>
public sealed class LdapSyncStore(IdentityDb db, TimeProvider clock)
{
    /// <summary>Id and name of every group, with its origin.</summary>
    public async Task<IReadOnlyList<(string Id, string Name, string Origin)>> GroupsAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var rows = await connection.QueryAsync<(string, string, string)>(new CommandDefinition(
            "SELECT id, name, origin FROM user_groups", cancellationToken: ct));
        return rows.ToList();
    }

    /// <summary>Direct member user ids of each group.</summary>
    public async Task<ILookup<string, string>> MembersAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var rows = await connection.QueryAsync<(string GroupId, string UserId)>(new CommandDefinition(
            "SELECT group_id, user_id FROM group_members", cancellationToken: ct));
        return rows.ToLookup(r => r.GroupId, r => r.UserId);
    }

    /// <summary>Direct sub-group ids of each group.</summary>
    public async Task<ILookup<string, string>> SubgroupsAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var rows = await connection.QueryAsync<(string ParentId, string ChildId)>(new CommandDefinition(
            "SELECT parent_id, child_id FROM group_subgroups", cancellationToken: ct));
        return rows.ToLookup(r => r.ParentId, r => r.ChildId);
    }

    public async Task<IReadOnlySet<string>> DisabledBySyncAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var rows = await connection.QueryAsync<string>(new CommandDefinition("SELECT user_id FROM ldap_sync_disabled", cancellationToken: ct));
        return rows.ToHashSet(StringComparer.Ordinal);
    }

    public async Task MarkDisabledAsync(string userId, bool disabled, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            disabled
                ? "INSERT INTO ldap_sync_disabled (user_id, disabled_at_ms) VALUES (@userId, @now) ON CONFLICT (user_id) DO NOTHING"
                : "DELETE FROM ldap_sync_disabled WHERE user_id = @userId",
            new { userId, now = IdentityDb.Ms(clock.GetUtcNow()) }, cancellationToken: ct));
    }

    /// <summary>Ids of the users and groups whose origin is LDAP.</summary>
    public async Task<(IReadOnlyList<string> Users, IReadOnlyList<string> Groups)> ImportedAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var users = await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT id FROM users WHERE origin = @origin AND is_super_admin = @no", new { origin = LdapSettings.Origin, no = false }, cancellationToken: ct));
        var groups = await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT id FROM user_groups WHERE origin = @origin", new { origin = LdapSettings.Origin }, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition("DELETE FROM ldap_sync_disabled", cancellationToken: ct));
        return (users.ToList(), groups.ToList());
    }
}
