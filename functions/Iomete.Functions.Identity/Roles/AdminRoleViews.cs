using System.ComponentModel.DataAnnotations;
using Iomete.Platform.Security;

namespace Iomete.Functions.Identity.Roles;

public sealed record AdminRolesRequest([property: Required] IReadOnlyList<AdminRole> Roles);

/// <param name="Roles">Roles assigned directly.</param>
/// <param name="EffectiveRoles">For users: direct roles plus those inherited through groups.</param>
public sealed record AdminRolesView(IReadOnlyList<AdminRole> Roles, IReadOnlyList<AdminRole>? EffectiveRoles = null);

public sealed record AdminRoleInfo(AdminRole Name, string Description);
