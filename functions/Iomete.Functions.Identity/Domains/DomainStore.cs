using System.Data.Common;
using Dapper;
using Iomete.Functions.Identity.Access;
using Iomete.Functions.Identity.Bundles;
using Iomete.Platform.Data;
using Iomete.Platform.Errors;
using Iomete.Platform.Http;
using Iomete.Platform.Time;

namespace Iomete.Functions.Identity.Domains;

/// <summary>Domains, their owners, and the DOMAIN bundle each one has.</summary>
public sealed class DomainStore(IMetadataDb db, TimeProvider clock, IIdGenerator ids)
{
    private const string Columns = "id, name, created_by AS CreatedBy, created_at_ms AS CreatedAtMs, updated_at_ms AS UpdatedAtMs, version";

    /// <summary>Creates a domain with its owners and DOMAIN bundle; 409 when the id is taken.</summary>
    public async Task<DomainEntry> CreateAsync(string id, string name, IReadOnlyList<DomainOwner> owners, string? createdBy, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(IdentityRegistration.Service, ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        try
        {
            await InsertAsync(connection, tx, id, name, owners, createdBy, ifAbsent: false, ct);
            await tx.CommitAsync(ct);
        }
        catch (Exception ex) when (db.IsUniqueViolation(ex))
        {
            throw new ConflictException($"Domain '{id}' already exists.");
        }
        return await GetAsync(id, ct);
    }

    /// <summary>Creates the domain unless it exists (safe when replicas race); true when this call created it.</summary>
    public async Task<bool> EnsureAsync(string id, string name, IReadOnlyList<DomainOwner> owners, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(IdentityRegistration.Service, ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var created = await InsertAsync(connection, tx, id, name, owners, createdBy: null, ifAbsent: true, ct);
        await tx.CommitAsync(ct);
        return created;
    }

    public async Task<DomainEntry?> FindAsync(string id, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(IdentityRegistration.Service, ct);
        var domain = await connection.QuerySingleOrDefaultAsync<DomainRecord>(new CommandDefinition(
            $"SELECT {Columns} FROM domains WHERE id = @Id", new { Id = id }, cancellationToken: ct));
        if (domain is null)
        {
            return null;
        }
        var entries = await WithOwnersAsync(connection, [domain], ct);
        return entries[0];
    }

    public async Task<DomainEntry> GetAsync(string id, CancellationToken ct) =>
        await FindAsync(id, ct) ?? throw new NotFoundException("Domain", id);

    public async Task<Page<DomainEntry>> ListAsync(ListQuery query, CancellationToken ct)
    {
        var where = query.SearchPattern is null ? string.Empty : "WHERE LOWER(id) LIKE @Pattern ESCAPE '\\' OR LOWER(name) LIKE @Pattern ESCAPE '\\'";
        var args = new { Pattern = query.SearchPattern, query.Limit, query.Offset };
        await using var connection = await db.OpenAsync(IdentityRegistration.Service, ct);
        var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition($"SELECT COUNT(*) FROM domains {where}", args, cancellationToken: ct));
        var rows = (await connection.QueryAsync<DomainRecord>(new CommandDefinition(
            $"SELECT {Columns} FROM domains {where} ORDER BY {query.OrderBy}, id LIMIT @Limit OFFSET @Offset", args, cancellationToken: ct))).ToList();
        return new Page<DomainEntry>(await WithOwnersAsync(connection, rows, ct), total, query.Offset, query.Limit);
    }

    /// <summary>Changes the name and/or the owners; the DOMAIN bundle's owner follows the first owner.</summary>
    public async Task<DomainEntry> UpdateAsync(string id, string? name, IReadOnlyList<DomainOwner>? owners, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(IdentityRegistration.Service, ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var changed = await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE domains SET name = COALESCE(@Name, name), updated_at_ms = @Now, version = version + 1 WHERE id = @Id",
            new { Id = id, Name = name, Now = now }, tx, cancellationToken: ct));
        if (changed == 0)
        {
            throw new NotFoundException("Domain", id);
        }
        if (owners is not null)
        {
            await connection.ExecuteAsync(new CommandDefinition("DELETE FROM domain_owners WHERE domain_id = @Id", new { Id = id }, tx, cancellationToken: ct));
            await InsertOwnersAsync(connection, tx, id, owners, ct);
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE bundles SET owner_type = @Type, owner_id = @Owner, updated_at_ms = @Now, version = version + 1 WHERE domain_id = @Id AND bundle_type = @Domain",
                new { Id = id, Type = owners[0].ActorType, Owner = owners[0].ActorId, Now = now, Domain = BundleTypes.Domain }, tx, cancellationToken: ct));
        }
        await tx.CommitAsync(ct);
        return await GetAsync(id, ct);
    }

    /// <summary>Deletes a domain with its bundles and permissions; 409 while any bundle holds assets.</summary>
    public async Task DeleteAsync(string id, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(IdentityRegistration.Service, ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var assets = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM bundle_assets a JOIN bundles b ON b.id = a.bundle_id WHERE b.domain_id = @Id",
            new { Id = id }, tx, cancellationToken: ct));
        if (assets > 0)
        {
            throw new ConflictException($"Domain '{id}' still has {assets} asset(s) in its bundles; move or delete them first.");
        }
        var args = new { Id = id };
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM bundle_permissions WHERE bundle_id IN (SELECT id FROM bundles WHERE domain_id = @Id)", args, tx, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition("DELETE FROM bundles WHERE domain_id = @Id", args, tx, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition("DELETE FROM domain_owners WHERE domain_id = @Id", args, tx, cancellationToken: ct));
        var deleted = await connection.ExecuteAsync(new CommandDefinition("DELETE FROM domains WHERE id = @Id", args, tx, cancellationToken: ct));
        if (deleted == 0)
        {
            throw new NotFoundException("Domain", id);
        }
        await tx.CommitAsync(ct);
    }

    private async Task<bool> InsertAsync(DbConnection connection, DbTransaction tx, string id, string name,
        IReadOnlyList<DomainOwner> owners, string? createdBy, bool ifAbsent, CancellationToken ct)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var conflict = ifAbsent ? "ON CONFLICT (id) DO NOTHING" : string.Empty;
        var inserted = await connection.ExecuteAsync(new CommandDefinition(
            $"INSERT INTO domains (id, name, created_by, created_at_ms, updated_at_ms, version) VALUES (@Id, @Name, @CreatedBy, @Now, @Now, 1) {conflict}",
            new { Id = id, Name = name, CreatedBy = createdBy, Now = now }, tx, cancellationToken: ct));
        if (inserted == 1)
        {
            await InsertOwnersAsync(connection, tx, id, owners, ct);
        }
        // Also repairs a domain whose DOMAIN bundle is missing.
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO bundles (id, domain_id, name, description, bundle_type, owner_type, owner_id, archived, created_by, created_at_ms, updated_at_ms, version)
            VALUES (@BundleId, @Id, @Id, @Description, @Type, @OwnerType, @OwnerId, @Archived, @CreatedBy, @Now, @Now, 1)
            ON CONFLICT (domain_id, bundle_type, name) DO NOTHING
            """,
            new
            {
                BundleId = ids.NewId(), Id = id, Description = $"Domain-level permissions of '{id}'", Type = BundleTypes.Domain,
                OwnerType = owners[0].ActorType, OwnerId = owners[0].ActorId, Archived = false, CreatedBy = createdBy, Now = now,
            },
            tx, cancellationToken: ct));
        return inserted == 1;
    }

    private static async Task InsertOwnersAsync(DbConnection connection, DbTransaction tx, string id, IReadOnlyList<DomainOwner> owners, CancellationToken ct)
    {
        var position = 0;
        foreach (var owner in owners)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO domain_owners (domain_id, actor_type, actor_id, position) VALUES (@Id, @Type, @ActorId, @Position)",
                new { Id = id, Type = owner.ActorType, owner.ActorId, Position = position++ }, tx, cancellationToken: ct));
        }
    }

    private static async Task<IReadOnlyList<DomainEntry>> WithOwnersAsync(DbConnection connection, IReadOnlyList<DomainRecord> domains, CancellationToken ct)
    {
        if (domains.Count == 0)
        {
            return [];
        }
        var args = new DynamicParameters();
        var inList = SqlList.In("domain_id", domains.Select(d => d.Id).ToList(), args, "D");
        var owners = (await connection.QueryAsync<(string DomainId, string ActorType, string ActorId)>(new CommandDefinition(
            $"SELECT domain_id, actor_type, actor_id FROM domain_owners WHERE {inList} ORDER BY position", args, cancellationToken: ct))).ToList();
        var bundles = (await connection.QueryAsync<(string DomainId, string Id)>(new CommandDefinition(
            $"SELECT domain_id, id FROM bundles WHERE bundle_type = 'DOMAIN' AND {inList}", args, cancellationToken: ct)))
            .ToDictionary(b => b.DomainId, b => b.Id);
        return domains.Select(d => new DomainEntry(
            d,
            owners.Where(o => o.DomainId == d.Id).Select(o => new DomainOwner(o.ActorType, o.ActorId)).ToList(),
            bundles.GetValueOrDefault(d.Id))).ToList();
    }
}
