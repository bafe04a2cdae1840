using Iomete.Platform.Errors;
using Iomete.Platform.Security;

namespace Iomete.Functions.Health.Checks;

/// <summary>
/// Who may see the platform's health: any admin role (READ_ONLY_ADMIN included) or the super admin, as IOMETE shows it
/// under Admin → Settings and Monitoring; plain users get 403. The same callers may ask for a refresh (it changes nothing).
/// </summary>
internal static class HealthReaders
{
    public static void Require(Caller caller)
    {
        if (!caller.IsSuperAdmin && caller.AdminRoles.Count == 0)
        {
            throw new ForbiddenException("The platform's health is shown to admins only (any admin role, READ_ONLY_ADMIN included).");
        }
    }

    /// <summary>Internal routes (the cron binding) serve only the platform's own calls.</summary>
    public static void RequireSystem(Caller caller)
    {
        if (caller.UserId != "system" || !caller.IsSuperAdmin)
        {
            throw new ForbiddenException("Only the platform's internal calls may use this route.");
        }
    }
}
