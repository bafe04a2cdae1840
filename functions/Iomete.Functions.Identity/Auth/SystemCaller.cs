using Iomete.Platform.Errors;
using Iomete.Platform.Security;

namespace Iomete.Functions.Identity.Auth;

/// <summary>The platform itself (Dapr cron bindings, subscriptions, the local scheduler).</summary>
public static class SystemCaller
{
    public const string UserId = "system";

    public static Caller Instance { get; } = new(UserId, UserId, UserType.ServiceAccount, IsSuperAdmin: true,
        new HashSet<AdminRole>(), new HashSet<string>(), TokenId: null);

    public static bool IsSystem(this Caller caller) => ReferenceEquals(caller, Instance) || caller.UserId == UserId;

    /// <summary>Internal routes (cron, subscriptions) serve only the platform's own calls.</summary>
    public static void RequireSystem(Caller caller)
    {
        if (!caller.IsSystem())
        {
            throw new ForbiddenException("Only the platform's internal calls may use this route.");
        }
    }
}
