using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Iomete.Workflows.Schedules;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Orchestrator.Schedules;

public sealed class ResumeSchedule(ICallerAccessor callers, ScheduleAccess access, ScheduleStore store, ScheduleRuntime runtime, ScheduleViews views, TimeProvider clock)
{
    [Function("orchestrator-schedules-resume")]
    [OpenApiOperation("Schedules", "Resume a paused schedule: fires from now on (fires while paused are not made up)", Description = "Needs SUSPEND on the schedule.")]
    [OpenApiResponse(200, typeof(ScheduleView))]
    [OpenApiResponse(404)]
    [OpenApiResponse(409)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/domains/{domain}/schedules/{id}/resume")] HttpRequest request,
        string domain,
        string id,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        var current = await access.RequireAsync(caller, domain, id, ScheduleAccess.Suspend, ct);
        ScheduleAccess.RequireUnmanaged(current);
        if (current.Paused == false)
        {
            return ApiResults.Ok(await views.ViewAsync(current, ct));
        }
        var now = clock.GetUtcNow();
        var updated = await store.UpdateAsync(current with { Paused = false }, current.Version, ct);
        await runtime.ApplyAsync(updated, current, ct, now);
        return ApiResults.Ok(await views.ViewAsync(updated, ct));
    }
}
