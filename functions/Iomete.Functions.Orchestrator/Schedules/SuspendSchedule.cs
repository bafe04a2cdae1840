using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Iomete.Workflows.Schedules;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Orchestrator.Schedules;

/// <summary>Pauses and resumes a schedule (SUSPEND). Asking for the state it is already in answers it unchanged.</summary>
public sealed class SuspendSchedule(ICallerAccessor callers, ScheduleAccess access, ScheduleStore store, ScheduleRuntime runtime, ScheduleViews views, TimeProvider clock)
{
    [Function("orchestrator-schedules-pause")]
    [OpenApiOperation("Schedules", "Pause a schedule: no fire until it is resumed (runs already started go on)", Description = "Needs SUSPEND on the schedule.")]
    [OpenApiResponse(200, typeof(ScheduleView))]
    [OpenApiResponse(404)]
    [OpenApiResponse(409)]
    public Task<IActionResult> Pause(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/domains/{domain}/schedules/{id}/pause")] HttpRequest request,
        string domain,
        string id,
        CancellationToken ct) => SetPausedAsync(request, domain, id, paused: true, ct);

    [Function("orchestrator-schedules-resume")]
    [OpenApiOperation("Schedules", "Resume a paused schedule: fires from now on (fires while paused are not made up)", Description = "Needs SUSPEND on the schedule.")]
    [OpenApiResponse(200, typeof(ScheduleView))]
    [OpenApiResponse(404)]
    [OpenApiResponse(409)]
    public Task<IActionResult> Resume(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/domains/{domain}/schedules/{id}/resume")] HttpRequest request,
        string domain,
        string id,
        CancellationToken ct) => SetPausedAsync(request, domain, id, paused: false, ct);

    private async Task<IActionResult> SetPausedAsync(HttpRequest request, string domain, string id, bool paused, CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        var current = await access.RequireAsync(caller, domain, id, ScheduleAccess.Suspend, ct);
        ScheduleAccess.RequireUnmanaged(current);
        if (current.Paused == paused)
        {
            return ApiResults.Ok(await views.ViewAsync(current, ct));
        }
        var now = clock.GetUtcNow();
        var updated = await store.UpdateAsync(current with { Paused = paused }, current.Version, ct);
        await runtime.ApplyAsync(updated, current, ct, now);
        return ApiResults.Ok(await views.ViewAsync(updated, ct));
    }
}
