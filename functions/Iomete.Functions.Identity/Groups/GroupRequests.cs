using System.ComponentModel.DataAnnotations;

namespace Iomete.Functions.Identity.Groups;

public sealed record CreateGroupRequest(
    [property: Required, MinLength(1), MaxLength(255)] string Name,
    [property: MaxLength(2000)] string? Description = null);

/// <summary>Only the description changes; a group's name is immutable.</summary>
public sealed record UpdateGroupRequest([property: MaxLength(2000)] string? Description = null);

public sealed record AddMemberRequest([property: Required, MinLength(1)] string UserId);

public sealed record AddSubgroupRequest([property: Required, MinLength(1)] string GroupId);
