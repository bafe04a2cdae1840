using Iomete.Platform.Errors;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Push.Log;

/// <summary>How many events a trim dropped.</summary>
public sealed record PushTrimResult(int Removed);

/// <summary>Drops push-log events beyond the retention (periodic: a cron binding).</summary>
public sealed class TrimPushLog(ICallerAccessor callers, PushLog log)
{
    [Function("push-log-trim")]
    [CronBinding("push-log-trim", "@every 1m")]
    [OpenApiOperation("Internal", "Drop push events older than the retention (platform only; a cron binding)")]
    [OpenApiResponse(200, typeof(PushTrimResult))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "internal/v1/push/trim")] HttpRequest request,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        if (caller.UserId != "system" || !caller.IsSuperAdmin)
        {
            throw new ForbiddenException("Only the platform's internal calls may use this route.");
        }
        return ApiResults.Ok(new PushTrimResult(await log.TrimAsync(ct)));
    }
}
