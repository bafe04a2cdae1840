using Iomete.DataSecurity.Model;

namespace Iomete.Functions.Identity.DataSecurity.Roles;

/// <summary>A Ranger role in requests: members as <c>{name, isAdmin}</c>; <see cref="Version"/> for compare-and-swap on PUT.</summary>
public sealed record DataRoleBody
{
    public string? Name { get; init; }
    public string? Description { get; init; }
    public List<RangerRoleMember>? Users { get; init; }
    public List<RangerRoleMember>? Groups { get; init; }
    public List<RangerRoleMember>? Roles { get; init; }
    public long? Version { get; init; }

    public RangerRole ToRole() => new()
    {
        Name = Name?.Trim() ?? "",
        Description = Description,
        Users = Distinct(Users),
        Groups = Distinct(Groups),
        Roles = Distinct(Roles),
    };

    private static List<RangerRoleMember> Distinct(List<RangerRoleMember>? members) =>
        (members ?? []).Where(m => m is not null).Select(m => m with { Name = m.Name?.Trim() ?? "" }).DistinctBy(m => m.Name, StringComparer.Ordinal).ToList();
}

public sealed record DataRoleView(
    long Id,
    string Name,
    string? Description,
    IReadOnlyList<RangerRoleMember> Users,
    IReadOnlyList<RangerRoleMember> Groups,
    IReadOnlyList<RangerRoleMember> Roles,
    long Version,
    string? CreatedBy,
    DateTimeOffset CreatedAt,
    string? UpdatedBy,
    DateTimeOffset UpdatedAt)
{
    public static DataRoleView From(StoredRole stored) => new(stored.Id, stored.Role.Name, stored.Role.Description, stored.Role.Users,
        stored.Role.Groups, stored.Role.Roles, stored.Version, stored.CreatedBy, stored.CreatedAt, stored.UpdatedBy, stored.UpdatedAt);
}
