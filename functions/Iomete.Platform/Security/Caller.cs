namespace Iomete.Platform.Security;

public enum UserType
{
    Person,
    ServiceAccount,
}

/// <summary>Who is calling: resolved from a session or access token on every request.</summary>
public sealed record Caller(
    string UserId,
    string Username,
    UserType Type,
    bool IsSuperAdmin,
    IReadOnlySet<AdminRole> AdminRoles,
    IReadOnlySet<string> GroupIds,
    string? TokenId)
{
    /// <summary>
    /// True when the caller holds <paramref name="role"/> (or is the super admin); read-only
    /// admins pass every admin role check for reads.
    /// </summary>
    public bool HasAdminRole(AdminRole role, bool forRead = false) =>
        IsSuperAdmin || AdminRoles.Contains(role) || (forRead && AdminRoles.Contains(AdminRole.ReadOnlyAdmin));
}
