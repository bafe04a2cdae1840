using Iomete.Platform.Errors;
using Iomete.Platform.Security;

namespace Iomete.Functions.Maintenance.Execution;

internal static class InternalCalls
{
    /// <summary>Internal routes answer only the platform's own calls (the internal app token).</summary>
    public static void Require(Caller caller)
    {
        if (caller.UserId != "system" || !caller.IsSuperAdmin)
        {
            throw new ForbiddenException("Only the platform's internal calls may use this route.");
        }
    }
}
