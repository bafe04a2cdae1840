using System.Data.Common;
using System.Text.Json;
using Dapper;
using Iomete.DataSecurity.Engine;
using Iomete.DataSecurity.Model;
using Iomete.Functions.Identity.DataSecurity.Roles;
using Iomete.Functions.Identity.DataSecurity.Storage;
using Iomete.Functions.Identity.Storage;
using Iomete.Platform.Errors;

namespace Iomete.Functions.Identity.DataSecurity.Policies;

/// <summary>
/// Data-security policies as Ranger JSON plus indexed columns, with a compare-and-swap <c>version</c> per policy and
/// one version for the whole set (see <see cref="PolicySetVersion"/>), which the decider uses to rebuild its engine.
/// </summary>
public sealed partial class DataPolicyStore(IdentityDb db, PolicySetVersion setVersion, TimeProvider clock)
{
    internal const string Columns =
        "id AS Id, kind AS Kind, domain AS Domain, version AS Version, body AS Body, created_by AS CreatedBy, " +
        "created_at_ms AS CreatedAtMs, updated_by AS UpdatedBy, updated_at_ms AS UpdatedAtMs";

    private PolicySnapshot? snapshot;

    /// <summary>The version of the whole policy set (policies, roles, resource tags); cached for up to a second.</summary>
    public Task<long> CurrentVersionAsync(CancellationToken ct) => setVersion.CurrentAsync(ct);

    /// <summary>
    /// Every enabled resource and tag policy and every role, as of one policy-set version. SuperUsers and SuperGroups
    /// are empty (the decider adds them). Rebuilt only when the version moved.
    /// </summary>
    public async Task<PolicySnapshot> SnapshotAsync(CancellationToken ct)
    {
        var current = await CurrentVersionAsync(ct);
        if (snapshot is { } hit && hit.Version == current)
        {
            return hit;
        }
        await using var connection = await db.OpenAsync(ct);
        // Read the version before and after: a change committed in between makes the read start again.
        for (var attempt = 0; ; attempt++)
        {
            var before = await PolicySetVersion.ReadAsync(connection, null, ct);
            var rows = await connection.QueryAsync<Row>(new CommandDefinition(
                $"SELECT {Columns} FROM data_policies WHERE enabled = @enabled ORDER BY id", new { enabled = true }, cancellationToken: ct));
            var roles = await DataRoleStore.ReadAllAsync(connection, null, ct);
            var after = await PolicySetVersion.ReadAsync(connection, null, ct);
            if (before != after && attempt < 5)
            {
                continue;
            }
            var policies = rows.Select(r => r.ToPolicy().Effective).ToList();
            var built = new PolicySnapshot(after,
                policies.Where(p => p.Service == PolicyKinds.ResourceService).ToList(),
                policies.Where(p => p.Service == PolicyKinds.TagService).ToList(),
                roles.Select(r => r.Effective).ToList(),
                new HashSet<string>(), new HashSet<string>());
            snapshot = built;
            return built;
        }
    }

    public async Task<StoredPolicy?> GetAsync(long id, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM data_policies WHERE id = @id", new { id }, cancellationToken: ct));
        return row?.ToPolicy();
    }

    /// <summary>The policies of one kind (all kinds when null), of one domain when <paramref name="domain"/> is given.</summary>
    public async Task<IReadOnlyList<StoredPolicy>> ListAsync(PolicyKind? kind, string? domain, CancellationToken ct)
    {
        var where = new List<string>();
        if (kind is not null)
        {
            where.Add("kind = @Kind");
        }
        if (domain is not null)
        {
            where.Add("domain = @Domain");
        }
        var sql = $"SELECT {Columns} FROM data_policies {(where.Count > 0 ? "WHERE " + string.Join(" AND ", where) : "")} ORDER BY id";
        await using var connection = await db.OpenAsync(ct);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(sql, new { Kind = kind?.Name(), Domain = domain }, cancellationToken: ct));
        return rows.Select(r => r.ToPolicy()).ToList();
    }

    public async Task<StoredPolicy> InsertAsync(PolicyKind kind, RangerPolicy policy, string? domain, string? by, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var id = await InsertAsync(connection, tx, kind, policy, domain, by, ct);
        await PolicySetVersion.BumpAsync(connection, tx, ct);
        await tx.CommitAsync(ct);
        setVersion.Changed();
        return (await GetAsync(id, ct))!;
    }

    /// <summary>Replaces the policy when its version is still <paramref name="expectedVersion"/>; 409 otherwise.</summary>
    public async Task<StoredPolicy> UpdateAsync(long id, long expectedVersion, RangerPolicy policy, string? by, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        if (!await UpdateAsync(connection, tx, id, expectedVersion, policy, by, ct))
        {
            throw new ConflictException($"Policy {id} was changed by someone else (version {expectedVersion} is stale); read it again.");
        }
        await PolicySetVersion.BumpAsync(connection, tx, ct);
        await tx.CommitAsync(ct);
        setVersion.Changed();
        return (await GetAsync(id, ct))!;
    }

    public async Task<bool> DeleteAsync(long id, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var deleted = await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM data_policies WHERE id = @id", new { id }, tx, cancellationToken: ct));
        if (deleted == 0)
        {
            return false;
        }
        await PolicySetVersion.BumpAsync(connection, tx, ct);
        await tx.CommitAsync(ct);
        setVersion.Changed();
        return true;
    }

    private async Task<long> InsertAsync(DbConnection connection, DbTransaction tx, PolicyKind kind, RangerPolicy policy, string? domain,
        string? by, CancellationToken ct)
    {
        var now = IdentityDb.Ms(clock.GetUtcNow());
        try
        {
            return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                """
                INSERT INTO data_policies (kind, service, name, enabled, priority, domain, version, body, created_by, created_at_ms, updated_by, updated_at_ms)
                VALUES (@Kind, @Service, @Name, @Enabled, @Priority, @Domain, 1, @Body, @By, @Now, @By, @Now)
                RETURNING id
                """,
                new
                {
                    Kind = kind.Name(), Service = kind.Service(), policy.Name, Enabled = policy.IsEnabled, Priority = policy.PolicyPriority,
                    Domain = domain, Body = Serialize(policy), By = by, Now = now,
                },
                tx, cancellationToken: ct));
        }
        catch (Exception ex) when (db.IsUniqueViolation(ex))
        {
            throw Duplicate(policy.Name);
        }
    }

    private async Task<bool> UpdateAsync(DbConnection connection, DbTransaction tx, long id, long expectedVersion, RangerPolicy policy,
        string? by, CancellationToken ct)
    {
        try
        {
            return await connection.ExecuteAsync(new CommandDefinition(
                """
                UPDATE data_policies SET name = @Name, enabled = @Enabled, priority = @Priority, body = @Body, version = version + 1,
                  updated_by = @By, updated_at_ms = @Now
                WHERE id = @id AND version = @expectedVersion
                """,
                new
                {
                    id, expectedVersion, policy.Name, Enabled = policy.IsEnabled, Priority = policy.PolicyPriority, Body = Serialize(policy),
                    By = by, Now = IdentityDb.Ms(clock.GetUtcNow()),
                },
                tx, cancellationToken: ct)) == 1;
        }
        catch (Exception ex) when (db.IsUniqueViolation(ex))
        {
            throw Duplicate(policy.Name);
        }
    }

    private static ConflictException Duplicate(string name) => new($"A policy named '{name}' exists already in this service.");

    /// <summary>The stored JSON leaves out what the row holds (id, version, zone = domain).</summary>
    internal static string Serialize(RangerPolicy policy) =>
        JsonSerializer.Serialize(policy with { Id = 0, Version = null, ZoneName = null }, RangerJson.Options);

    internal sealed class Row
    {
        public long Id { get; init; }
        public string Kind { get; init; } = "";
        public string? Domain { get; init; }
        public long Version { get; init; }
        public string Body { get; init; } = "";
        public string? CreatedBy { get; init; }
        public long CreatedAtMs { get; init; }
        public string? UpdatedBy { get; init; }
        public long UpdatedAtMs { get; init; }

        public StoredPolicy ToPolicy() => new(Id, PolicyKinds.Parse(Kind), Domain, Version,
            JsonSerializer.Deserialize<RangerPolicy>(Body, RangerJson.Options)!, CreatedBy, IdentityDb.At(CreatedAtMs), UpdatedBy,
            IdentityDb.At(UpdatedAtMs));
    }
}
