using Dapper;
using Iomete.Functions.Identity.Groups;
using Iomete.Functions.Identity.Storage;
using Iomete.Functions.Identity.Users;

namespace Iomete.Functions.Identity.Scim;

/// <summary>SCIM's extra data (externalId, group versions) and its filtered, paged queries.</summary>
public sealed class ScimStore(IdentityDb db, TimeProvider clock)
{
    private const string UserColumns =
        "u.id AS Id, u.username AS Username, u.email AS Email, u.first_name AS FirstName, u.last_name AS LastName, u.type AS Type, " +
        "u.origin AS Origin, u.status AS Status, u.password_hash AS PasswordHash, u.password_temporary AS PasswordTemporary, " +
        "u.is_super_admin AS IsSuperAdmin, u.created_by AS CreatedBy, u.created_at_ms AS CreatedAtMs, u.updated_at_ms AS UpdatedAtMs, u.version AS Version";

    private const string DisplayName =
        "CASE WHEN u.first_name IS NULL AND u.last_name IS NULL THEN u.username ELSE TRIM(COALESCE(u.first_name, '') || ' ' || COALESCE(u.last_name, '')) END";

    public static readonly IReadOnlyDictionary<string, ScimColumn> UserColumnsByAttribute = new Dictionary<string, ScimColumn>(StringComparer.Ordinal)
    {
        ["id"] = new("u.id", ScimColumnKind.ExactText),
        ["username"] = new("u.username", ScimColumnKind.Text),
        ["externalid"] = new("m.external_id", ScimColumnKind.ExactText),
        ["displayname"] = new(DisplayName, ScimColumnKind.Text),
        ["name.formatted"] = new(DisplayName, ScimColumnKind.Text),
        ["name.givenname"] = new("u.first_name", ScimColumnKind.Text),
        ["name.familyname"] = new("u.last_name", ScimColumnKind.Text),
        ["emails"] = new("u.email", ScimColumnKind.Text),
        ["emails.value"] = new("u.email", ScimColumnKind.Text),
        ["active"] = new("u.status = 'ACTIVE'", ScimColumnKind.Boolean),
        ["meta.created"] = new("u.created_at_ms", ScimColumnKind.Instant),
        ["meta.lastmodified"] = new("u.updated_at_ms", ScimColumnKind.Instant),
    };

    public static readonly IReadOnlyDictionary<string, ScimColumn> GroupColumnsByAttribute = new Dictionary<string, ScimColumn>(StringComparer.Ordinal)
    {
        ["id"] = new("g.id", ScimColumnKind.ExactText),
        ["displayname"] = new("g.name", ScimColumnKind.Text),
        ["externalid"] = new("m.external_id", ScimColumnKind.ExactText),
        ["meta.created"] = new("g.created_at_ms", ScimColumnKind.Instant),
        ["meta.lastmodified"] = new("COALESCE(m.updated_at_ms, g.created_at_ms)", ScimColumnKind.Instant),
        ["members"] = new(MemberTest, ScimColumnKind.Member),
        ["members.value"] = new(MemberTest, ScimColumnKind.Member),
    };

    private const string MemberTest =
        "EXISTS (SELECT 1 FROM group_members gm WHERE gm.group_id = g.id AND gm.user_id = {0}) OR " +
        "EXISTS (SELECT 1 FROM group_subgroups gs WHERE gs.parent_id = g.id AND gs.child_id = {0})";

    public async Task<(long Total, IReadOnlyList<(User User, string? ExternalId)> Users)> UsersAsync(ScimFilter? filter, int startIndex, int count, CancellationToken ct)
    {
        var sql = new ScimSqlFilter(UserColumnsByAttribute);
        var where = filter is null ? "" : "WHERE " + sql.Translate(filter);
        var args = sql.Args;
        args.Add("Limit", count);
        args.Add("Offset", startIndex - 1);
        const string from = "FROM users u LEFT JOIN scim_meta m ON m.resource_id = u.id";
        await using var connection = await db.OpenAsync(ct);
        var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition($"SELECT COUNT(*) {from} {where}", args, cancellationToken: ct));
        var rows = count == 0
            ? []
            : await connection.QueryAsync<UserStore.Row, string?, (User, string?)>(new CommandDefinition(
                $"SELECT {UserColumns}, m.external_id AS ExternalId {from} {where} ORDER BY u.created_at_ms, u.id LIMIT @Limit OFFSET @Offset",
                args, cancellationToken: ct), (row, externalId) => (row.ToUser(), externalId), splitOn: "ExternalId");
        return (total, rows.ToList());
    }

    public async Task<(long Total, IReadOnlyList<(Group Group, ScimMeta Meta)> Groups)> GroupsAsync(ScimFilter? filter, int startIndex, int count, CancellationToken ct)
    {
        var sql = new ScimSqlFilter(GroupColumnsByAttribute);
        var where = filter is null ? "" : "WHERE " + sql.Translate(filter);
        var args = sql.Args;
        args.Add("Limit", count);
        args.Add("Offset", startIndex - 1);
        const string from = "FROM user_groups g LEFT JOIN scim_meta m ON m.resource_id = g.id";
        await using var connection = await db.OpenAsync(ct);
        var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition($"SELECT COUNT(*) {from} {where}", args, cancellationToken: ct));
        var rows = count == 0
            ? []
            : await connection.QueryAsync<GroupRow>(new CommandDefinition(
                "SELECT g.id AS Id, g.name AS Name, g.description AS Description, g.origin AS Origin, g.created_by AS CreatedBy, " +
                $"g.created_at_ms AS CreatedAtMs, m.external_id AS ExternalId, m.updated_at_ms AS UpdatedAtMs, m.version AS Version {from} {where} " +
                "ORDER BY g.created_at_ms, g.id LIMIT @Limit OFFSET @Offset", args, cancellationToken: ct));
        return (total, rows.Select(r => r.ToPair()).ToList());
    }

    public async Task<ScimMeta> MetaAsync(string id, DateTimeOffset createdAt, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<MetaRow>(new CommandDefinition(
            "SELECT external_id AS ExternalId, updated_at_ms AS UpdatedAtMs, version AS Version FROM scim_meta WHERE resource_id = @id",
            new { id }, cancellationToken: ct));
        return row is null ? new ScimMeta(null, createdAt, 1) : new ScimMeta(row.ExternalId, IdentityDb.At(row.UpdatedAtMs) ?? createdAt, row.Version);
    }

    /// <summary>Records a change made through SCIM: the externalId, and a new version and lastModified (for groups).</summary>
    public async Task SaveMetaAsync(string id, string type, string? externalId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO scim_meta (resource_id, resource_type, external_id, updated_at_ms, version) VALUES (@id, @type, @externalId, @now, 1) " +
            "ON CONFLICT (resource_id) DO UPDATE SET external_id = @externalId, updated_at_ms = @now, version = scim_meta.version + 1",
            new { id, type, externalId, now = IdentityDb.Ms(clock.GetUtcNow()) }, cancellationToken: ct));
    }

    public async Task DeleteMetaAsync(string id, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition("DELETE FROM scim_meta WHERE resource_id = @id", new { id }, cancellationToken: ct));
    }

    /// <summary>Direct members of a group: users and sub-groups, with their display names.</summary>
    public async Task<IReadOnlyList<ScimMember>> MembersAsync(string groupId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var rows = await connection.QueryAsync<ScimMember>(new CommandDefinition(
            "SELECT u.id AS Value, u.username AS Display, 'User' AS Type FROM group_members gm JOIN users u ON u.id = gm.user_id WHERE gm.group_id = @groupId " +
            "UNION ALL SELECT g.id AS Value, g.name AS Display, 'Group' AS Type FROM group_subgroups s JOIN user_groups g ON g.id = s.child_id WHERE s.parent_id = @groupId",
            new { groupId }, cancellationToken: ct));
        return rows.ToList();
    }

    private sealed class MetaRow
    {
        public string? ExternalId { get; init; }
        public long? UpdatedAtMs { get; init; }
        public int Version { get; init; }
    }

    private sealed class GroupRow
    {
        public string Id { get; init; } = "";
        public string Name { get; init; } = "";
        public string? Description { get; init; }
        public string Origin { get; init; } = "";
        public string? CreatedBy { get; init; }
        public long CreatedAtMs { get; init; }
        public string? ExternalId { get; init; }
        public long? UpdatedAtMs { get; init; }
        public int? Version { get; init; }

        public (Group, ScimMeta) ToPair()
        {
            var created = IdentityDb.At(CreatedAtMs);
            return (new Group(Id, Name, Description, Origin, CreatedBy, created), new ScimMeta(ExternalId, IdentityDb.At(UpdatedAtMs) ?? created, Version ?? 1));
        }
    }
}

public sealed record ScimMeta(string? ExternalId, DateTimeOffset LastModified, int Version);

public sealed class ScimMember
{
    public string Value { get; init; } = "";
    public string Display { get; init; } = "";
    public string Type { get; init; } = "";
}
