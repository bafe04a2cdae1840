using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Iomete.Workflows.Runs;
using Iomete.Workflows.Schedules;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Orchestrator.Schedules;

public sealed class TriggerSchedule(ICallerAccessor callers, ScheduleAccess access, ScheduleLauncher launcher)
{
    [Function("orchestrator-schedules-trigger")]
    [OpenApiOperation("Schedules", "Run a schedule now",
        Description = "Starts one run (trigger MANUAL) at once, paused or not; it does not count as a fire time. Needs RUN on the schedule.")]
    [OpenApiResponse(201, typeof(ScheduleRunSummary))]
    [OpenApiResponse(404)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/domains/{domain}/schedules/{id}/trigger")] HttpRequest request,
        string domain,
        string id,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        var schedule = await access.RequireAsync(caller, domain, id, ScheduleAccess.Run, ct);
        var (run, _) = await launcher.CreateAsync(schedule, RunTrigger.Manual, null, caller.UserId, ct);
        await launcher.StartAsync(schedule, run, ct);
        return ApiResults.Created(ScheduleViews.Summary(run), $"/api/v1/domains/{domain}/workflow-runs/{run.Id}");
    }
}
