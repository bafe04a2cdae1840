using Iomete.Platform.Errors;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Iomete.Workflows.Runs;
using Iomete.Workflows.Schedules;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Orchestrator.Schedules;

public sealed class BackfillSchedule(ICallerAccessor callers, ScheduleAccess access, ScheduleLauncher launcher)
{
    [Function("orchestrator-schedules-backfill")]
    [OpenApiOperation("Schedules", "Backfill a date range",
        Description = "One run (trigger BACKFILL) per fire time in [from, to), at most 100 (400 above). A fire time that has a run " +
                      "already (fired, or an earlier backfill) is not run again. Needs RUN on the schedule.")]
    [OpenApiRequestBody(typeof(BackfillRequest))]
    [OpenApiResponse(201, typeof(BackfillView))]
    [OpenApiResponse(400)]
    [OpenApiResponse(404)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/domains/{domain}/schedules/{id}/backfill")] HttpRequest request,
        string domain,
        string id,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        // A caller outside the domain learns nothing, not even what the body should look like.
        await access.RequireDomainAsync(caller, domain, ct);
        var body = await RequestBody.ReadAsync<BackfillRequest>(request, ct);
        if (body.To <= body.From)
        {
            throw ValidationException.ForField("to", "must be after from");
        }
        var schedule = await access.RequireAsync(caller, domain, id, ScheduleAccess.Run, ct);
        var calendar = ScheduleCalendar.Compile(schedule.Spec, schedule.CreatedAt);
        var fires = calendar.Between(body.From!.Value, body.To!.Value, ScheduleRules.MaxBackfill + 1);
        if (fires.Count > ScheduleRules.MaxBackfill)
        {
            throw ValidationException.ForField("to", $"the range holds more than {ScheduleRules.MaxBackfill} fire times; backfill a shorter range");
        }
        var created = new List<ScheduleRunSummary>();
        var alreadyRun = new List<DateTimeOffset>();
        foreach (var fire in fires)
        {
            var (run, isNew) = await launcher.CreateAsync(schedule, RunTrigger.Backfill, fire, caller.UserId, ct);
            if (!isNew)
            {
                alreadyRun.Add(fire);
                continue;
            }
            await launcher.StartAsync(schedule, run, ct);
            created.Add(ScheduleViews.Summary(run));
        }
        return ApiResults.Created(new BackfillView(created, alreadyRun), $"/api/v1/domains/{domain}/schedules/{id}/runs?trigger=BACKFILL");
    }
}
