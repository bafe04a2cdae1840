using System.Data.Common;
using System.Text.Json;
using Dapper;
using Iomete.DataSecurity.Model;
using Iomete.Functions.Identity.DataSecurity.Storage;
using Iomete.Functions.Identity.Storage;
using Iomete.Platform.Errors;

namespace Iomete.Functions.Identity.DataSecurity.Roles;

/// <summary>A Ranger role as stored.</summary>
public sealed record StoredRole(long Id, long Version, RangerRole Role, string? CreatedBy, DateTimeOffset CreatedAt, string? UpdatedBy,
    DateTimeOffset UpdatedAt)
{
    public RangerRole Effective => Role with { Id = Id };
}

/// <summary>Ranger roles (users, groups and nested roles that policy items name); every change bumps the policy-set version.</summary>
public sealed class DataRoleStore(IdentityDb db, PolicySetVersion setVersion, TimeProvider clock)
{
    private const string Columns =
        "id AS Id, version AS Version, body AS Body, created_by AS CreatedBy, created_at_ms AS CreatedAtMs, updated_by AS UpdatedBy, updated_at_ms AS UpdatedAtMs";

    public async Task<StoredRole?> GetAsync(long id, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM data_roles WHERE id = @id", new { id }, cancellationToken: ct));
        return row?.ToRole();
    }

    public async Task<IReadOnlyList<StoredRole>> ListAsync(CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        return await ReadAllAsync(connection, null, ct);
    }

    internal static async Task<IReadOnlyList<StoredRole>> ReadAllAsync(DbConnection connection, DbTransaction? tx, CancellationToken ct)
    {
        var rows = await connection.QueryAsync<Row>(new CommandDefinition($"SELECT {Columns} FROM data_roles ORDER BY name", transaction: tx,
            cancellationToken: ct));
        return rows.Select(r => r.ToRole()).ToList();
    }

    /// <summary>Inserts (<paramref name="id"/> null) or replaces a role, checking nested roles exist and form no cycle.</summary>
    public async Task<StoredRole> SaveAsync(long? id, long? expectedVersion, RangerRole role, string? by, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var all = await ReadAllAsync(connection, tx, ct);
        var others = all.Where(r => r.Id != id).Select(r => r.Role).ToList();
        RoleRules.CheckNesting(role, others);
        var savedId = await WriteAsync(connection, tx, id, expectedVersion, role, by, ct);
        await PolicySetVersion.BumpAsync(connection, tx, ct);
        await tx.CommitAsync(ct);
        setVersion.Changed();
        return (await GetAsync(savedId, ct))!;
    }

    internal async Task<long> WriteAsync(DbConnection connection, DbTransaction tx, long? id, long? expectedVersion, RangerRole role, string? by,
        CancellationToken ct)
    {
        var now = IdentityDb.Ms(clock.GetUtcNow());
        var body = JsonSerializer.Serialize(role with { Id = 0 }, RangerJson.Options);
        try
        {
            if (id is null)
            {
                return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                    """
                    INSERT INTO data_roles (name, version, body, created_by, created_at_ms, updated_by, updated_at_ms)
                    VALUES (@Name, 1, @body, @by, @now, @by, @now) RETURNING id
                    """, new { role.Name, body, by, now }, tx, cancellationToken: ct));
            }
            var updated = await connection.ExecuteAsync(new CommandDefinition(
                """
                UPDATE data_roles SET name = @Name, body = @body, version = version + 1, updated_by = @by, updated_at_ms = @now
                WHERE id = @id AND (@expectedVersion IS NULL OR version = @expectedVersion)
                """, new { id, expectedVersion, role.Name, body, by, now }, tx, cancellationToken: ct));
            if (updated == 0)
            {
                throw new ConflictException($"Role {id} was changed by someone else (version {expectedVersion} is stale); read it again.");
            }
            return id.Value;
        }
        catch (Exception ex) when (db.IsUniqueViolation(ex))
        {
            throw new ConflictException($"A role named '{role.Name}' exists already.");
        }
    }

    /// <summary>Deletes a role; 409 while another role contains it.</summary>
    public async Task<bool> DeleteAsync(long id, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var all = await ReadAllAsync(connection, tx, ct);
        var role = all.FirstOrDefault(r => r.Id == id);
        if (role is null)
        {
            return false;
        }
        var parent = all.FirstOrDefault(r => r.Role.Roles.Any(m => m.Name == role.Role.Name));
        if (parent is not null)
        {
            throw new ConflictException($"Role '{role.Role.Name}' is a member of role '{parent.Role.Name}'; remove it there first.");
        }
        await connection.ExecuteAsync(new CommandDefinition("DELETE FROM data_roles WHERE id = @id", new { id }, tx, cancellationToken: ct));
        await PolicySetVersion.BumpAsync(connection, tx, ct);
        await tx.CommitAsync(ct);
        setVersion.Changed();
        return true;
    }

    internal static Task DeleteByNameAsync(DbConnection connection, DbTransaction tx, string name, CancellationToken ct) =>
        connection.ExecuteAsync(new CommandDefinition("DELETE FROM data_roles WHERE name = @name", new { name }, tx, cancellationToken: ct));

    private sealed class Row
    {
        public long Id { get; init; }
        public long Version { get; init; }
        public string Body { get; init; } = "";
        public string? CreatedBy { get; init; }
        public long CreatedAtMs { get; init; }
        public string? UpdatedBy { get; init; }
        public long UpdatedAtMs { get; init; }

        public StoredRole ToRole() => new(Id, Version, JsonSerializer.Deserialize<RangerRole>(Body, RangerJson.Options)!, CreatedBy,
            IdentityDb.At(CreatedAtMs), UpdatedBy, IdentityDb.At(UpdatedAtMs));
    }
}
