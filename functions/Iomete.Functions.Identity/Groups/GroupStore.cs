using Dapper;
using Iomete.Functions.Identity.Storage;
using Iomete.Functions.Identity.Users;
using Iomete.Platform.Errors;
using Iomete.Platform.Http;

namespace Iomete.Functions.Identity.Groups;

/// <summary>Groups, their members and sub-groups in the identity database.</summary>
public sealed partial class GroupStore(IdentityDb db, UserStore users, TimeProvider clock)
{
    private const string Columns =
        "g.id AS Id, g.name AS Name, g.description AS Description, g.origin AS Origin, g.created_by AS CreatedBy, g.created_at_ms AS CreatedAtMs";

    public static readonly IReadOnlyDictionary<string, string> Sortable = new Dictionary<string, string>
    {
        ["name"] = "g.name",
        ["createdAt"] = "g.created_at_ms",
    };

    public async Task<Group?> GetAsync(string id, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM user_groups g WHERE g.id = @id", new { id }, cancellationToken: ct));
        return row?.ToGroup();
    }

    public async Task<Group> RequireAsync(string id, CancellationToken ct) =>
        await GetAsync(id, ct) ?? throw new NotFoundException("Group", id);

    /// <summary>Id and name of each of <paramref name="ids"/> that exists, ordered by name.</summary>
    public async Task<IReadOnlyList<GroupRef>> RefsAsync(IEnumerable<string> ids, CancellationToken ct)
    {
        var list = ids.ToArray();
        if (list.Length == 0)
        {
            return [];
        }
        // Explicit placeholders: Dapper sends a list to Npgsql as one array parameter, which "IN" does not accept.
        var args = new DynamicParameters();
        for (var i = 0; i < list.Length; i++)
        {
            args.Add($"g{i}", list[i]);
        }
        var placeholders = string.Join(", ", Enumerable.Range(0, list.Length).Select(i => $"@g{i}"));
        await using var connection = await db.OpenAsync(ct);
        var rows = await connection.QueryAsync<(string Id, string Name)>(new CommandDefinition(
            $"SELECT id AS Id, name AS Name FROM user_groups WHERE id IN ({placeholders}) ORDER BY name", args, cancellationToken: ct));
        return rows.Select(r => new GroupRef(r.Id, r.Name)).ToList();
    }

    public async Task InsertAsync(Group group, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO user_groups (id, name, description, origin, created_by, created_at_ms)
                VALUES (@Id, @Name, @Description, @Origin, @CreatedBy, @CreatedAtMs)
                """,
                new { group.Id, group.Name, group.Description, group.Origin, group.CreatedBy, CreatedAtMs = IdentityDb.Ms(group.CreatedAt) },
                cancellationToken: ct));
        }
        catch (Exception ex) when (db.IsUniqueViolation(ex))
        {
            throw new ConflictException($"A group named '{group.Name}' exists already.");
        }
    }

    public async Task<bool> UpdateDescriptionAsync(string id, string? description, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE user_groups SET description = @description WHERE id = @id", new { id, description }, cancellationToken: ct)) == 1;
    }

    /// <summary>Deletes a group with its memberships, sub-group links (both ways) and admin roles.</summary>
    public async Task<bool> DeleteAsync(string id, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var args = new { id };
        foreach (var sql in new[]
                 {
                     "DELETE FROM group_members WHERE group_id = @id",
                     "DELETE FROM group_subgroups WHERE parent_id = @id OR child_id = @id",
                     "DELETE FROM admin_role_assignments WHERE principal_type = 'GROUP' AND principal_id = @id",
                 })
        {
            await connection.ExecuteAsync(new CommandDefinition(sql, args, tx, cancellationToken: ct));
        }
        var deleted = await connection.ExecuteAsync(new CommandDefinition("DELETE FROM user_groups WHERE id = @id", args, tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
        return deleted == 1;
    }

    public async Task<Page<Group>> ListAsync(ListQuery query, CancellationToken ct)
    {
        var where = query.SearchPattern is null
            ? string.Empty
            : "WHERE lower(g.name) LIKE @Pattern ESCAPE '\\' OR lower(g.description) LIKE @Pattern ESCAPE '\\'";
        return await PageAsync($"FROM user_groups g {where}", new { Pattern = query.SearchPattern, query.Limit, query.Offset }, query, ct);
    }

    private async Task<Page<Group>> PageAsync(string from, object args, ListQuery query, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition($"SELECT COUNT(*) {from}", args, cancellationToken: ct));
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} {from} ORDER BY {query.OrderBy}, g.id LIMIT @Limit OFFSET @Offset", args, cancellationToken: ct));
        return new Page<Group>(rows.Select(r => r.ToGroup()).ToList(), total, query.Offset, query.Limit);
    }

    private sealed class Row
    {
        public string Id { get; init; } = "";
        public string Name { get; init; } = "";
        public string? Description { get; init; }
        public string Origin { get; init; } = "";
        public string? CreatedBy { get; init; }
        public long CreatedAtMs { get; init; }

        public Group ToGroup() => new(Id, Name, Description, Origin, CreatedBy, IdentityDb.At(CreatedAtMs));
    }
}
