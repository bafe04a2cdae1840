using Iomete.Functions.Identity.Access;

namespace Iomete.Functions.Identity.Bundles;

/// <summary><c>RESOURCE</c> bundles hold assets; each domain has one <c>DOMAIN</c> bundle for domain permissions.</summary>
public enum BundleType
{
    Resource,
    Domain,
}

/// <summary>A resource bundle as the API shows it.</summary>
public sealed record BundleView(
    string Id,
    string Name,
    string? Description,
    string Domain,
    BundleType BundleType,
    ActorView Owner,
    bool Archived,
    string? CreatedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

internal static class BundleTypes
{
    public const string Resource = "RESOURCE";
    public const string Domain = "DOMAIN";

    public static string Db(this BundleType type) => type == BundleType.Domain ? Domain : Resource;
}

/// <summary>A bundle row (a class with setters: Dapper converts SQLite integers to booleans on properties).</summary>
public sealed class BundleRecord
{
    public string Id { get; set; } = string.Empty;
    public string DomainId { get; set; } = string.Empty;
    public string Name { get; set; } = string.Empty;
    public string? Description { get; set; }
    public string BundleType { get; set; } = BundleTypes.Resource;
    public string OwnerType { get; set; } = "USER";
    public string OwnerId { get; set; } = string.Empty;
    public bool Archived { get; set; }
    public string? CreatedBy { get; set; }
    public long CreatedAtMs { get; set; }
    public long UpdatedAtMs { get; set; }
    public long Version { get; set; }

    public bool IsDomainBundle => BundleType == BundleTypes.Domain;

    public ActorType Owner => ActorTypes.FromDb(OwnerType);

    public const string Columns =
        "b.id, b.domain_id AS DomainId, b.name, b.description, b.bundle_type AS BundleType, b.owner_type AS OwnerType, " +
        "b.owner_id AS OwnerId, b.archived, b.created_by AS CreatedBy, b.created_at_ms AS CreatedAtMs, b.updated_at_ms AS UpdatedAtMs, b.version";
}

/// <summary>Filters of the bundle list.</summary>
public sealed record BundleFilter(string? DomainId, string? BundleType, bool Archived);
