using Dapper;
using Iomete.Functions.Identity.Access;
using Iomete.Platform.Data;
using Iomete.Platform.Security;

namespace Iomete.Functions.Identity.Bundles;

/// <summary>One granted permission: an actor may do <c>Permission</c> on the bundle's assets of <c>AssetType</c>.</summary>
public sealed record PermissionRow(string ActorType, string ActorId, string AssetType, string Permission);

/// <summary>Member permissions of bundles, per actor and asset type.</summary>
public sealed class BundlePermissionStore(IMetadataDb db)
{
    public async Task<IReadOnlyList<PermissionRow>> ListAsync(string bundleId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(IdentityRegistration.Service, ct);
        var rows = await connection.QueryAsync<PermissionRow>(new CommandDefinition(
            """
            SELECT actor_type AS ActorType, actor_id AS ActorId, asset_type AS AssetType, permission
            FROM bundle_permissions WHERE bundle_id = @BundleId ORDER BY actor_type, actor_id, asset_type, permission
            """,
            new { BundleId = bundleId }, cancellationToken: ct));
        return rows.ToList();
    }

    /// <summary>Adds permissions to what the actor already has.</summary>
    public async Task AddAsync(string bundleId, ActorView actor, IReadOnlyDictionary<AssetType, IReadOnlyList<string>> permissions, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(IdentityRegistration.Service, ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        foreach (var (type, list) in permissions)
        {
            foreach (var permission in list)
            {
                await connection.ExecuteAsync(new CommandDefinition(
                    """
                    INSERT INTO bundle_permissions (bundle_id, actor_type, actor_id, asset_type, permission)
                    VALUES (@BundleId, @ActorType, @ActorId, @AssetType, @Permission)
                    ON CONFLICT (bundle_id, actor_type, actor_id, asset_type, permission) DO NOTHING
                    """,
                    new { BundleId = bundleId, ActorType = actor.Type.Db(), ActorId = actor.Id, AssetType = type.Name(), Permission = permission },
                    tx, cancellationToken: ct));
            }
        }
        await tx.CommitAsync(ct);
    }

    /// <summary>Replaces the actor's permissions of one asset type (an empty list removes them).</summary>
    public async Task ReplaceAsync(string bundleId, ActorView actor, AssetType type, IReadOnlyList<string> permissions, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(IdentityRegistration.Service, ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var args = new { BundleId = bundleId, ActorType = actor.Type.Db(), ActorId = actor.Id, AssetType = type.Name() };
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM bundle_permissions WHERE bundle_id = @BundleId AND actor_type = @ActorType AND actor_id = @ActorId AND asset_type = @AssetType",
            args, tx, cancellationToken: ct));
        foreach (var permission in permissions)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "INSERT INTO bundle_permissions (bundle_id, actor_type, actor_id, asset_type, permission) VALUES (@BundleId, @ActorType, @ActorId, @AssetType, @Permission)",
                new { args.BundleId, args.ActorType, args.ActorId, args.AssetType, Permission = permission }, tx, cancellationToken: ct));
        }
        await tx.CommitAsync(ct);
    }

    /// <summary>Removes the actor's permissions (of one type, or all); returns how many were removed.</summary>
    public async Task<int> RevokeAsync(string bundleId, ActorType actorType, string actorId, AssetType? type, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(IdentityRegistration.Service, ct);
        return await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM bundle_permissions WHERE bundle_id = @BundleId AND actor_type = @ActorType AND actor_id = @ActorId" +
            (type is null ? string.Empty : " AND asset_type = @AssetType"),
            new { BundleId = bundleId, ActorType = actorType.Db(), ActorId = actorId, AssetType = type?.Name() }, cancellationToken: ct));
    }
}
