using Dapper;
using Iomete.Functions.Identity.Access;
using Iomete.Platform.Data;
using Iomete.Platform.Security;

namespace Iomete.Functions.Identity.Domains;

public sealed record DomainRef(string Id, string Name);

public sealed record BundleRef(string? BundleId);

/// <summary>A domain the caller can access, whether it owns it and its domain permissions there.</summary>
public sealed record UserDomain(DomainRef Domain, BundleRef Bundle, bool IsOwner, IReadOnlyList<string> Permissions);

/// <summary>The domains a caller can access: owned, or holding a live bundle it owns or is a member of.</summary>
public sealed class UserDomainsQuery(IMetadataDb db)
{
    // A class, not a record: SQLite reports no type for computed columns of an empty result,
    // which Dapper's constructor matching rejects; property mapping converts instead.
    private sealed class Row
    {
        public string Id { get; set; } = string.Empty;
        public string Name { get; set; } = string.Empty;
        public string? BundleId { get; set; }
        public long Owner { get; set; }
    }

    public async Task<IReadOnlyList<UserDomain>> ListAsync(Caller caller, CancellationToken ct)
    {
        var all = AccessControl.IsDomainManager(caller);
        var args = new DynamicParameters(new { Live = false, DomainType = "DOMAIN" });
        var groups = caller.GroupIds.ToList();
        var owner = $"(SELECT COUNT(*) FROM domain_owners o WHERE o.domain_id = d.id AND {SqlList.IsCaller("o", "actor_type", "actor_id", caller.UserId, groups, args, "O")})";
        var filter = all
            ? string.Empty
            : $"""
               WHERE {owner} > 0 OR EXISTS (SELECT 1 FROM bundles b WHERE b.domain_id = d.id AND b.archived = @Live AND
                   ({SqlList.IsCaller("b", "owner_type", "owner_id", caller.UserId, groups, args, "B")} OR
                    EXISTS (SELECT 1 FROM bundle_permissions p WHERE p.bundle_id = b.id AND
                            {SqlList.IsCaller("p", "actor_type", "actor_id", caller.UserId, groups, args, "M")})))
               """;
        await using var connection = await db.OpenAsync(IdentityRegistration.Service, ct);
        var rows = (await connection.QueryAsync<Row>(new CommandDefinition(
            $"""
             SELECT d.id, d.name, (SELECT b.id FROM bundles b WHERE b.domain_id = d.id AND b.bundle_type = @DomainType) AS BundleId,
                    {owner} AS Owner
             FROM domains d {filter} ORDER BY d.id
             """,
            args, cancellationToken: ct))).ToList();

        var grantArgs = new DynamicParameters(new { DomainType = "DOMAIN" });
        var bundles = SqlList.In("p.bundle_id", rows.Where(r => r.BundleId is not null).Select(r => r.BundleId!).ToList(), grantArgs, "Bundle");
        var grants = (await connection.QueryAsync<(string BundleId, string Permission)>(new CommandDefinition(
            $"""
             SELECT DISTINCT p.bundle_id, p.permission FROM bundle_permissions p
             WHERE {bundles} AND p.asset_type = @DomainType AND {SqlList.IsCaller("p", "actor_type", "actor_id", caller.UserId, groups, grantArgs, "G")}
             """,
            grantArgs, cancellationToken: ct))).ToLookup(g => g.BundleId, g => g.Permission);

        return rows.Select(r =>
        {
            var isOwner = all || r.Owner > 0;
            var permissions = isOwner
                ? DomainPermission.All
                : DomainPermission.All.Where(p => grants[r.BundleId ?? string.Empty].Contains(p)).ToArray();
            return new UserDomain(new DomainRef(r.Id, r.Name), new BundleRef(r.BundleId), isOwner, permissions);
        }).ToList();
    }
}
