using System.Text.Json;
using Iomete.Platform.Errors;
using Iomete.Platform.Security;

namespace Iomete.Functions.Identity.Auth;

/// <summary>Admin-role checks of the identity routes (the same rule as <see cref="IAccessControl.RequireAdminRole"/>).</summary>
internal static class AdminCheck
{
    public static void Require(Caller caller, AdminRole role, bool forRead = false)
    {
        if (!caller.HasAdminRole(role, forRead))
        {
            throw new ForbiddenException($"This needs the admin role {JsonNamingPolicy.SnakeCaseUpper.ConvertName(role.ToString())}.");
        }
    }
}
