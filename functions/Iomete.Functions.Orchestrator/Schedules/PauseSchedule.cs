using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Iomete.Workflows.Schedules;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Orchestrator.Schedules;

public sealed class PauseSchedule(ICallerAccessor callers, ScheduleAccess access, ScheduleStore store, ScheduleRuntime runtime, ScheduleViews views, TimeProvider clock)
{
    [Function("orchestrator-schedules-pause")]
    [OpenApiOperation("Schedules", "Pause a schedule: no fire until it is resumed (runs already started go on)", Description = "Needs SUSPEND on the schedule.")]
    [OpenApiResponse(200, typeof(ScheduleView))]
    [OpenApiResponse(404)]
    [OpenApiResponse(409)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/domains/{domain}/schedules/{id}/pause")] HttpRequest request,
        string domain,
        string id,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        var current = await access.RequireAsync(caller, domain, id, ScheduleAccess.Suspend, ct);
        ScheduleAccess.RequireUnmanaged(current);
        if (current.Paused == true)
        {
            return ApiResults.Ok(await views.ViewAsync(current, ct));
        }
        var now = clock.GetUtcNow();
        var updated = await store.UpdateAsync(current with { Paused = true }, current.Version, ct);
        await runtime.ApplyAsync(updated, current, ct, now);
        return ApiResults.Ok(await views.ViewAsync(updated, ct));
    }
}
