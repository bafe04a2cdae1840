using Iomete.Platform.Errors;
using Iomete.Platform.Security;

namespace Iomete.Functions.Clusters.Notifications;

/// <summary>Internal routes (subscriptions) serve only the platform's own calls, authenticated with the app API token.</summary>
public static class InternalCallers
{
    public const string SystemUserId = "system";

    public static void RequireSystem(Caller caller)
    {
        if (caller.UserId != SystemUserId || !caller.IsSuperAdmin)
        {
            throw new ForbiddenException("Only the platform's internal calls may use this route.");
        }
    }
}
