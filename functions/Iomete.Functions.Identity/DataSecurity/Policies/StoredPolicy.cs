using Iomete.DataSecurity.Model;

namespace Iomete.Functions.Identity.DataSecurity.Policies;

/// <summary>A policy as stored: its Ranger form plus the indexed columns kept beside it.</summary>
public sealed record StoredPolicy(
    long Id,
    PolicyKind Kind,
    string? Domain,
    long Version,
    RangerPolicy Policy,
    string? CreatedBy,
    DateTimeOffset CreatedAt,
    string? UpdatedBy,
    DateTimeOffset UpdatedAt)
{
    public string Name => Policy.Name;

    /// <summary>
    /// The Ranger policy with the row's id and version in it, as the engine sees it. The domain is not a Ranger security
    /// zone for the engine (it would confine the policy to zone resources), so <c>zoneName</c> stays empty here.
    /// </summary>
    public RangerPolicy Effective => Policy with { Id = Id, Version = Version, Service = Kind.Service(), ZoneName = null };

    /// <summary>The exported form: <see cref="Effective"/> with the domain in <c>zoneName</c>, which the import reads back.</summary>
    public RangerPolicy Exported => Effective with { ZoneName = Domain };
}
