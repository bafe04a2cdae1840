using Iomete.Platform.Errors;
using Iomete.Platform.Security;

namespace Iomete.Functions.Catalog.Sync;

internal static class InternalCalls
{
    /// <summary>403 unless the call is the platform's own (the app API token: Dapr, the local bus or scheduler).</summary>
    public static void RequirePlatform(Caller caller)
    {
        if (caller.UserId != "system" || !caller.IsSuperAdmin)
        {
            throw new ForbiddenException("Only the platform's internal calls may use this route.");
        }
    }
}
