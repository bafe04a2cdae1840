using System.Text;
using Dapper;
using Iomete.Functions.Identity.Access;
using Iomete.Platform.Data;
using Iomete.Platform.Errors;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Iomete.Platform.Time;

namespace Iomete.Functions.Identity.Bundles;

/// <summary>Resource bundles: create, read, list what a caller may see, change, archive and restore.</summary>
public sealed class BundleStore(IMetadataDb db, TimeProvider clock, IIdGenerator ids)
{
    public async Task<BundleRecord> CreateAsync(string domainId, string name, string? description, ActorView owner, string createdBy, CancellationToken ct)
    {
        var id = ids.NewId();
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        await using var connection = await db.OpenAsync(IdentityRegistration.Service, ct);
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO bundles (id, domain_id, name, description, bundle_type, owner_type, owner_id, archived, created_by, created_at_ms, updated_at_ms, version)
                VALUES (@Id, @DomainId, @Name, @Description, @Type, @OwnerType, @OwnerId, @Archived, @CreatedBy, @Now, @Now, 1)
                """,
                new
                {
                    Id = id, DomainId = domainId, Name = name, Description = description, Type = BundleTypes.Resource,
                    OwnerType = owner.Type.Db(), OwnerId = owner.Id, Archived = false, CreatedBy = createdBy, Now = now,
                },
                cancellationToken: ct));
        }
        catch (Exception ex) when (db.IsUniqueViolation(ex))
        {
            throw new ConflictException($"A bundle named '{name}' already exists in domain '{domainId}'.");
        }
        return await GetAsync(id, ct);
    }

    public async Task<BundleRecord?> FindAsync(string id, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(IdentityRegistration.Service, ct);
        return await connection.QuerySingleOrDefaultAsync<BundleRecord>(new CommandDefinition(
            $"SELECT {BundleRecord.Columns} FROM bundles b WHERE b.id = @Id", new { Id = id }, cancellationToken: ct));
    }

    public async Task<BundleRecord> GetAsync(string id, CancellationToken ct) =>
        await FindAsync(id, ct) ?? throw new NotFoundException("Bundle", id);

    public async Task<BundleRecord?> FindDomainBundleAsync(string domainId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(IdentityRegistration.Service, ct);
        return await connection.QuerySingleOrDefaultAsync<BundleRecord>(new CommandDefinition(
            $"SELECT {BundleRecord.Columns} FROM bundles b WHERE b.domain_id = @DomainId AND b.bundle_type = @Type",
            new { DomainId = domainId, Type = BundleTypes.Domain }, cancellationToken: ct));
    }

    /// <summary>
    /// Bundles matching the filter. With <paramref name="onlyOwnOrMember"/> only those the caller owns
    /// or holds permissions in; with <paramref name="seesAll"/> every bundle; otherwise also every bundle
    /// of a domain the caller owns.
    /// </summary>
    public async Task<Page<BundleRecord>> ListAsync(BundleFilter filter, Caller caller, bool onlyOwnOrMember, bool seesAll, ListQuery query, CancellationToken ct)
    {
        var args = new DynamicParameters(new { filter.DomainId, filter.BundleType, filter.Archived, Pattern = query.SearchPattern, query.Limit, query.Offset });
        var where = new StringBuilder("WHERE b.archived = @Archived");
        if (filter.DomainId is not null)
        {
            where.Append(" AND b.domain_id = @DomainId");
        }
        if (filter.BundleType is not null)
        {
            where.Append(" AND b.bundle_type = @BundleType");
        }
        if (query.SearchPattern is not null)
        {
            where.Append(" AND LOWER(b.name) LIKE @Pattern ESCAPE '\\'");
        }
        if (onlyOwnOrMember || !seesAll)
        {
            var groups = caller.GroupIds.ToList();
            where.Append(" AND (").Append(SqlList.IsCaller("b", "owner_type", "owner_id", caller.UserId, groups, args, "Own"))
                .Append(" OR EXISTS (SELECT 1 FROM bundle_permissions p WHERE p.bundle_id = b.id AND ")
                .Append(SqlList.IsCaller("p", "actor_type", "actor_id", caller.UserId, groups, args, "Mem")).Append(')');
            if (!onlyOwnOrMember)
            {
                where.Append(" OR EXISTS (SELECT 1 FROM domain_owners o WHERE o.domain_id = b.domain_id AND ")
                    .Append(SqlList.IsCaller("o", "actor_type", "actor_id", caller.UserId, groups, args, "Dom")).Append(')');
            }
            where.Append(')');
        }
        await using var connection = await db.OpenAsync(IdentityRegistration.Service, ct);
        var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition($"SELECT COUNT(*) FROM bundles b {where}", args, cancellationToken: ct));
        var rows = await connection.QueryAsync<BundleRecord>(new CommandDefinition(
            $"SELECT {BundleRecord.Columns} FROM bundles b {where} ORDER BY b.{query.OrderBy}, b.id LIMIT @Limit OFFSET @Offset", args, cancellationToken: ct));
        return new Page<BundleRecord>(rows.ToList(), total, query.Offset, query.Limit);
    }

    /// <summary>Changes description and/or owner of a live bundle.</summary>
    public async Task<BundleRecord> UpdateAsync(string id, string? description, ActorView? owner, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(IdentityRegistration.Service, ct);
        var changed = await connection.ExecuteAsync(new CommandDefinition(
            """
            UPDATE bundles SET description = COALESCE(@Description, description), owner_type = COALESCE(@OwnerType, owner_type),
                owner_id = COALESCE(@OwnerId, owner_id), updated_at_ms = @Now, version = version + 1
            WHERE id = @Id AND archived = @Archived
            """,
            new { Id = id, Description = description, OwnerType = owner?.Type.Db(), OwnerId = owner?.Id, Now = clock.GetUtcNow().ToUnixTimeMilliseconds(), Archived = false },
            cancellationToken: ct));
        if (changed == 0)
        {
            throw new ConflictException($"Bundle '{id}' is archived; restore it first.");
        }
        return await GetAsync(id, ct);
    }

    /// <summary>Archives an empty bundle or restores an archived one.</summary>
    public async Task<BundleRecord> SetArchivedAsync(string id, bool archived, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(IdentityRegistration.Service, ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        // Updating the row first locks it on PostgreSQL, so an asset placed concurrently waits (see BundleAssetStore).
        var args = new { Id = id, Archived = archived, Now = clock.GetUtcNow().ToUnixTimeMilliseconds() };
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE bundles SET version = version + 1, updated_at_ms = @Now WHERE id = @Id", args, tx, cancellationToken: ct));
        if (archived)
        {
            var assets = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
                "SELECT COUNT(*) FROM bundle_assets WHERE bundle_id = @Id", args, tx, cancellationToken: ct));
            if (assets > 0)
            {
                throw new ConflictException($"Bundle '{id}' still holds {assets} asset(s); only an empty bundle can be archived.");
            }
        }
        await connection.ExecuteAsync(new CommandDefinition("UPDATE bundles SET archived = @Archived WHERE id = @Id", args, tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
        return await GetAsync(id, ct);
    }
}
