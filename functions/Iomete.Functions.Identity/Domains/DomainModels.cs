using Iomete.Functions.Identity.Access;

namespace Iomete.Functions.Identity.Domains;

/// <summary>A domain as the API shows it; <c>owner</c> is the first of <c>owners</c>.</summary>
public sealed record DomainView(
    string Id,
    string Name,
    ActorView Owner,
    IReadOnlyList<ActorView> Owners,
    string? BundleId,
    string? CreatedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt);

public sealed record DomainRecord(string Id, string Name, string? CreatedBy, long CreatedAtMs, long UpdatedAtMs, long Version);

/// <summary>A stored owner: actor type as stored (<c>USER</c>/<c>GROUP</c>) and id.</summary>
public sealed record DomainOwner(string ActorType, string ActorId)
{
    public static DomainOwner Of(ActorView actor) => new(actor.Type.Db(), actor.Id);
}

/// <summary>A domain with its owners (in their given order) and the id of its DOMAIN bundle.</summary>
public sealed record DomainEntry(DomainRecord Domain, IReadOnlyList<DomainOwner> Owners, string? BundleId);

internal static class DomainRules
{
    public const string DefaultDomain = "default";
    public const int MaxIdLength = 63;

    /// <summary>Lowercase letters, digits and hyphens; starts and ends with a letter or digit.</summary>
    public static bool IsValidId(string id) =>
        id.Length is > 0 and <= MaxIdLength &&
        id.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-') &&
        id[0] != '-' && id[^1] != '-';
}
