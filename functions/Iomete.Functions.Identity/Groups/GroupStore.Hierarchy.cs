using Dapper;
using Iomete.Functions.Identity.Storage;
using Iomete.Functions.Identity.Users;
using Iomete.Platform.Errors;
using Iomete.Platform.Http;

namespace Iomete.Functions.Identity.Groups;

public sealed partial class GroupStore
{
    /// <summary>Adds a direct member; adding one twice is not an error.</summary>
    public async Task AddMemberAsync(string groupId, string userId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO group_members (group_id, user_id, added_at_ms) VALUES (@groupId, @userId, @now) ON CONFLICT (group_id, user_id) DO NOTHING",
            new { groupId, userId, now = IdentityDb.Ms(clock.GetUtcNow()) }, cancellationToken: ct));
    }

    public async Task<bool> RemoveMemberAsync(string groupId, string userId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM group_members WHERE group_id = @groupId AND user_id = @userId", new { groupId, userId }, cancellationToken: ct)) > 0;
    }

    /// <summary>Direct members of a group.</summary>
    public async Task<Page<User>> MembersAsync(string groupId, ListQuery query, CancellationToken ct)
    {
        var search = query.SearchPattern is null ? string.Empty : " AND (username LIKE @Pattern ESCAPE '\\' OR lower(email) LIKE @Pattern ESCAPE '\\')";
        var where = $"WHERE id IN (SELECT user_id FROM group_members WHERE group_id = @groupId){search}";
        return await users.QueryPageAsync(where, new { groupId, Pattern = query.SearchPattern, query.Limit, query.Offset }, query, ct);
    }

    /// <summary>Direct sub-groups of a group.</summary>
    public Task<Page<Group>> SubgroupsAsync(string groupId, ListQuery query, CancellationToken ct) =>
        PageAsync("FROM user_groups g JOIN group_subgroups s ON s.child_id = g.id WHERE s.parent_id = @groupId",
            new { groupId, query.Limit, query.Offset }, query, ct);

    /// <summary>The groups <paramref name="userId"/> is a direct member of.</summary>
    public Task<Page<Group>> GroupsOfUserAsync(string userId, ListQuery query, CancellationToken ct) =>
        PageAsync("FROM user_groups g JOIN group_members m ON m.group_id = g.id WHERE m.user_id = @userId",
            new { userId, query.Limit, query.Offset }, query, ct);

    /// <summary>
    /// Makes <paramref name="childId"/> a sub-group of <paramref name="parentId"/>; 409 when that
    /// would close a cycle. Hierarchy changes are serialized by a lock row, so two concurrent
    /// additions cannot build a cycle between them.
    /// </summary>
    public async Task AddSubgroupAsync(string parentId, string childId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE identity_locks SET version = version + 1 WHERE name = 'group_hierarchy'", transaction: tx, cancellationToken: ct));
        var cycle = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            WITH RECURSIVE a(id) AS (
                SELECT CAST(@parentId AS VARCHAR(64))
                UNION
                SELECT s.parent_id FROM group_subgroups s JOIN a ON s.child_id = a.id
            )
            SELECT COUNT(*) FROM a WHERE id = @childId
            """,
            new { parentId, childId }, tx, cancellationToken: ct));
        if (cycle > 0)
        {
            throw new ConflictException(parentId == childId
                ? "A group cannot be its own sub-group."
                : $"Group '{childId}' already contains group '{parentId}' (directly or through sub-groups); adding it would make a cycle.");
        }
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO group_subgroups (parent_id, child_id, added_at_ms) VALUES (@parentId, @childId, @now) ON CONFLICT (parent_id, child_id) DO NOTHING",
            new { parentId, childId, now = IdentityDb.Ms(clock.GetUtcNow()) }, tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
    }

    public async Task<bool> RemoveSubgroupAsync(string parentId, string childId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM group_subgroups WHERE parent_id = @parentId AND child_id = @childId", new { parentId, childId }, cancellationToken: ct)) > 0;
    }
}
