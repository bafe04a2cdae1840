using System.Data.Common;
using Dapper;
using Iomete.Functions.Identity.Access;
using Iomete.Platform.Data;
using Iomete.Platform.Errors;
using Iomete.Platform.Http;
using Iomete.Platform.Security;

namespace Iomete.Functions.Identity.Bundles;

/// <summary>An asset in a bundle.</summary>
public sealed record AssetView(AssetType AssetType, string AssetId, string BundleId, string? AddedBy, DateTimeOffset AddedAt);

/// <summary>A reference to an asset in requests.</summary>
public sealed record AssetRef(string AssetType, string AssetId);

/// <summary>Which bundle holds which asset; an asset is in exactly one bundle.</summary>
public sealed class BundleAssetStore(IMetadataDb db, TimeProvider clock)
{
    private sealed record Row(string AssetType, string AssetId, string BundleId, string? AddedBy, long AddedAtMs)
    {
        public AssetView View() => new(AssetTypeNames.FromDb(AssetType), AssetId, BundleId, AddedBy, DateTimeOffset.FromUnixTimeMilliseconds(AddedAtMs));
    }

    private const string Columns = "asset_type AS AssetType, asset_id AS AssetId, bundle_id AS BundleId, added_by AS AddedBy, added_at_ms AS AddedAtMs";

    public async Task<Page<AssetView>> ListAsync(string bundleId, AssetType? type, ListQuery query, CancellationToken ct)
    {
        var where = "WHERE bundle_id = @BundleId" + (type is null ? string.Empty : " AND asset_type = @AssetType") +
                    (query.SearchPattern is null ? string.Empty : " AND LOWER(asset_id) LIKE @Pattern ESCAPE '\\'");
        var args = new { BundleId = bundleId, AssetType = type?.Name(), Pattern = query.SearchPattern, query.Limit, query.Offset };
        await using var connection = await db.OpenAsync(IdentityRegistration.Service, ct);
        var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition($"SELECT COUNT(*) FROM bundle_assets {where}", args, cancellationToken: ct));
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM bundle_assets {where} ORDER BY {query.OrderBy}, asset_type, asset_id LIMIT @Limit OFFSET @Offset", args, cancellationToken: ct));
        return new Page<AssetView>(rows.Select(r => r.View()).ToList(), total, query.Offset, query.Limit);
    }

    public async Task<AssetView?> FindAsync(AssetType type, string assetId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(IdentityRegistration.Service, ct);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM bundle_assets WHERE asset_type = @AssetType AND asset_id = @AssetId",
            new { AssetType = type.Name(), AssetId = assetId }, cancellationToken: ct));
        return row?.View();
    }

    /// <summary>Puts an asset into a live bundle; 409 when any bundle already holds it.</summary>
    public async Task<AssetView> AddAsync(string bundleId, AssetType type, string assetId, string? addedBy, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(IdentityRegistration.Service, ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        await LockLiveBundleAsync(connection, tx, bundleId, ct);
        try
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO bundle_assets (asset_type, asset_id, bundle_id, added_by, added_at_ms) VALUES (@AssetType, @AssetId, @BundleId, @AddedBy, @Now)",
                new { AssetType = type.Name(), AssetId = assetId, BundleId = bundleId, AddedBy = addedBy, Now = clock.GetUtcNow().ToUnixTimeMilliseconds() },
                tx, cancellationToken: ct));
            await tx.CommitAsync(ct);
        }
        catch (Exception ex) when (db.IsUniqueViolation(ex))
        {
            throw new ConflictException($"{type.Name()} '{assetId}' already belongs to a bundle; transfer it instead.");
        }
        return (await FindAsync(type, assetId, ct))!;
    }

    /// <summary>Removes an asset from a given bundle (or from any bundle when <paramref name="bundleId"/> is null).</summary>
    public async Task<bool> RemoveAsync(string? bundleId, AssetType type, string assetId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(IdentityRegistration.Service, ct);
        var removed = await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM bundle_assets WHERE asset_type = @AssetType AND asset_id = @AssetId" + (bundleId is null ? string.Empty : " AND bundle_id = @BundleId"),
            new { AssetType = type.Name(), AssetId = assetId, BundleId = bundleId }, cancellationToken: ct));
        return removed > 0;
    }

    /// <summary>Moves assets from one bundle to another, all or none; 404 names an asset the source does not hold.</summary>
    public async Task TransferAsync(string sourceId, string targetId, IReadOnlyList<(AssetType Type, string Id)> assets, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(IdentityRegistration.Service, ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        await LockLiveBundleAsync(connection, tx, targetId, ct);
        foreach (var (type, id) in assets)
        {
            var moved = await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE bundle_assets SET bundle_id = @TargetId WHERE asset_type = @AssetType AND asset_id = @AssetId AND bundle_id = @SourceId",
                new { TargetId = targetId, SourceId = sourceId, AssetType = type.Name(), AssetId = id }, tx, cancellationToken: ct));
            if (moved == 0)
            {
                throw new NotFoundException($"{type.Name()} asset in bundle '{sourceId}'", id);
            }
        }
        await tx.CommitAsync(ct);
    }

    /// <summary>Locks the bundle's row (PostgreSQL) so archiving cannot race a new asset; 409 when archived.</summary>
    private async Task LockLiveBundleAsync(DbConnection connection, DbTransaction tx, string bundleId, CancellationToken ct)
    {
        var live = await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE bundles SET version = version + 1, updated_at_ms = @Now WHERE id = @Id AND archived = @Archived",
            new { Id = bundleId, Archived = false, Now = clock.GetUtcNow().ToUnixTimeMilliseconds() }, tx, cancellationToken: ct));
        if (live == 0)
        {
            throw new ConflictException($"Bundle '{bundleId}' is archived or gone; restore it first.");
        }
    }
}
