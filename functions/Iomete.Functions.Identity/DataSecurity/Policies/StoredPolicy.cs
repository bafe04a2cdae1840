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

    /// <summary>The Ranger policy with the row's id and version in it, as the engine and the export see it.</summary>
    public RangerPolicy Effective => Policy with { Id = Id, Version = Version, Service = Kind.Service(), ZoneName = Domain };
}
