using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Identity.Auth;

public sealed record PurgeResult(int SessionsDeleted, int LoginFailuresDeleted);

/// <summary>Hourly clean-up: sessions whose refresh token expired, and failed logins older than the window.</summary>
public sealed class PurgeSessions(ICallerAccessor callers, SessionStore sessions, LoginThrottle throttle)
{
    [Function("identity-sessions-purge")]
    [CronBinding("identity-session-purge", "@every 1h")]
    [OpenApiOperation("Internal", "Delete expired sessions (platform only)")]
    [OpenApiResponse(200, typeof(PurgeResult))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "internal/v1/identity/purge-sessions")] HttpRequest request,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        SystemCaller.RequireSystem(caller);
        var sessionsDeleted = await sessions.PurgeExpiredAsync(ct);
        var failuresDeleted = await throttle.PurgeAsync(ct);
        return ApiResults.Ok(new PurgeResult(sessionsDeleted, failuresDeleted));
    }
}
