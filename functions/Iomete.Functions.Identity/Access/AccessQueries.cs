using Dapper;
using Iomete.Platform.Data;
using Iomete.Platform.Security;

namespace Iomete.Functions.Identity.Access;

// Row classes, not records: SQLite reports no type for computed columns of an empty result,
// which Dapper's constructor matching rejects; property mapping converts instead.

/// <summary>What one decision needs to know about a domain, in one round trip.</summary>
public sealed class DomainFacts
{
    public long Exists { get; set; }
    public long Owner { get; set; }
    public long Granted { get; set; }
    public long Member { get; set; }
}

/// <summary>What one decision needs to know about an asset's bundle, in one round trip.</summary>
public sealed class AssetFacts
{
    public string BundleId { get; set; } = string.Empty;
    public string DomainId { get; set; } = string.Empty;
    public string OwnerType { get; set; } = string.Empty;
    public string OwnerId { get; set; } = string.Empty;
    public long DomainOwner { get; set; }
    public long Granted { get; set; }
}

internal sealed class BundleFacts
{
    public long DomainOwner { get; set; }
    public long Member { get; set; }
}

/// <summary>
/// The queries behind authorization decisions. Each is one statement of indexed lookups and
/// nothing is cached, so a revoked permission stops working on the next request.
/// </summary>
public sealed class AccessQueries(IMetadataDb db)
{
    /// <summary>
    /// Whether the domain exists, the caller owns it, holds <paramref name="permission"/> in its
    /// DOMAIN bundle, and (when <paramref name="withMembership"/>) owns or is a member of any live bundle of it.
    /// </summary>
    public async Task<DomainFacts> DomainAsync(Caller caller, string domainId, string? permission, bool withMembership, CancellationToken ct)
    {
        var args = new DynamicParameters(new { Domain = domainId, Permission = permission, Live = false, DomainType = "DOMAIN" });
        var groups = caller.GroupIds.ToList();
        var granted = permission is null
            ? "CAST(0 AS BIGINT)"
            : $"""
               (SELECT COUNT(*) FROM bundle_permissions p JOIN bundles b ON b.id = p.bundle_id
                WHERE b.domain_id = @Domain AND b.bundle_type = @DomainType AND b.archived = @Live
                  AND p.asset_type = @DomainType AND p.permission = @Permission
                  AND {SqlList.IsCaller("p", "actor_type", "actor_id", caller.UserId, groups, args, "G")})
               """;
        var member = !withMembership
            ? "CAST(0 AS BIGINT)"
            : $"""
               (SELECT COUNT(*) FROM bundles b WHERE b.domain_id = @Domain AND b.archived = @Live AND
                  ({SqlList.IsCaller("b", "owner_type", "owner_id", caller.UserId, groups, args, "B")} OR
                   EXISTS (SELECT 1 FROM bundle_permissions p WHERE p.bundle_id = b.id AND
                           {SqlList.IsCaller("p", "actor_type", "actor_id", caller.UserId, groups, args, "M")})))
               """;
        var sql = $"""
            SELECT (SELECT COUNT(*) FROM domains WHERE id = @Domain) AS "Exists",
                   (SELECT COUNT(*) FROM domain_owners o WHERE o.domain_id = @Domain AND
                      {SqlList.IsCaller("o", "actor_type", "actor_id", caller.UserId, groups, args, "O")}) AS Owner,
                   {granted} AS Granted,
                   {member} AS Member
            """;
        await using var connection = await db.OpenAsync(IdentityRegistration.Service, ct);
        return await connection.QuerySingleAsync<DomainFacts>(new CommandDefinition(sql, args, cancellationToken: ct));
    }

    /// <summary>The bundle holding the asset, whether the caller owns its domain and holds the permission; null when no bundle holds it.</summary>
    public async Task<AssetFacts?> AssetAsync(Caller caller, AssetType type, string assetId, string permission, CancellationToken ct)
    {
        var args = new DynamicParameters(new { Type = type.Name(), AssetId = assetId, Permission = permission });
        var groups = caller.GroupIds.ToList();
        var sql = $"""
            SELECT b.id AS BundleId, b.domain_id AS DomainId, b.owner_type AS OwnerType, b.owner_id AS OwnerId,
                   (SELECT COUNT(*) FROM domain_owners o WHERE o.domain_id = b.domain_id AND
                      {SqlList.IsCaller("o", "actor_type", "actor_id", caller.UserId, groups, args, "O")}) AS DomainOwner,
                   (SELECT COUNT(*) FROM bundle_permissions p WHERE p.bundle_id = b.id AND p.asset_type = @Type AND p.permission = @Permission AND
                      {SqlList.IsCaller("p", "actor_type", "actor_id", caller.UserId, groups, args, "G")}) AS Granted
            FROM bundle_assets a JOIN bundles b ON b.id = a.bundle_id
            WHERE a.asset_type = @Type AND a.asset_id = @AssetId
            """;
        await using var connection = await db.OpenAsync(IdentityRegistration.Service, ct);
        return await connection.QuerySingleOrDefaultAsync<AssetFacts>(new CommandDefinition(sql, args, cancellationToken: ct));
    }

    /// <summary>
    /// Whether the caller owns the domain and whether it holds any permission in the bundle (of
    /// <paramref name="assetType"/> only, when given).
    /// </summary>
    public async Task<(bool DomainOwner, bool Member)> BundleAsync(Caller caller, string bundleId, string domainId, AssetType? assetType, CancellationToken ct)
    {
        var args = new DynamicParameters(new { Domain = domainId, BundleId = bundleId, Type = assetType?.Name() });
        var groups = caller.GroupIds.ToList();
        var ofType = assetType is null ? string.Empty : "p.asset_type = @Type AND ";
        var sql = $"""
            SELECT (SELECT COUNT(*) FROM domain_owners o WHERE o.domain_id = @Domain AND
                      {SqlList.IsCaller("o", "actor_type", "actor_id", caller.UserId, groups, args, "O")}) AS DomainOwner,
                   (SELECT COUNT(*) FROM bundle_permissions p WHERE p.bundle_id = @BundleId AND {ofType}
                      {SqlList.IsCaller("p", "actor_type", "actor_id", caller.UserId, groups, args, "M")}) AS Member
            """;
        await using var connection = await db.OpenAsync(IdentityRegistration.Service, ct);
        var row = await connection.QuerySingleAsync<BundleFacts>(new CommandDefinition(sql, args, cancellationToken: ct));
        return (row.DomainOwner > 0, row.Member > 0);
    }

    public static bool IsCaller(Caller caller, string actorType, string actorId) =>
        actorType == "USER" ? actorId == caller.UserId : caller.GroupIds.Contains(actorId);
}
