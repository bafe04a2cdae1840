using Iomete.Platform.Errors;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Iomete.Workflows.Schedules;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Orchestrator.Schedules;

public sealed class UpdateSchedule(
    ICallerAccessor callers, ScheduleAccess access, ScheduleStore store, ScheduleRuntime runtime, WorksheetQueries worksheets,
    ScheduleViews views, TimeProvider clock)
{
    [Function("orchestrator-schedules-update")]
    [OpenApiOperation("Schedules", "Replace a schedule",
        Description = "Replaces every field (send 'version' to refuse a change made meanwhile). The running schedule is replaced: " +
                      "fires after now follow the new settings. runAs left out keeps the current run-as user.")]
    [OpenApiRequestBody(typeof(ScheduleRequest))]
    [OpenApiResponse(200, typeof(ScheduleView))]
    [OpenApiResponse(400)]
    [OpenApiResponse(404)]
    [OpenApiResponse(409)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/v1/domains/{domain}/schedules/{id}")] HttpRequest request,
        string domain,
        string id,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        // A caller outside the domain learns nothing, not even what the body should look like.
        await access.RequireDomainAsync(caller, domain, ct);
        var body = await RequestBody.ReadAsync<ScheduleRequest>(request, ct);
        var now = clock.GetUtcNow();
        var spec = ScheduleRules.Spec(body, now);
        var tags = ScheduleRules.Tags(body.Tags);
        var current = await access.RequireAsync(caller, domain, id, ScheduleAccess.Update, ct);
        ScheduleAccess.RequireUnmanaged(current);
        if (body.ResourceBundleId != current.ResourceBundleId)
        {
            throw ValidationException.ForField("resourceBundleId", "cannot change; create the schedule in the other bundle instead");
        }
        var paused = body.Paused ?? current.Paused;
        if (paused != current.Paused)
        {
            await access.RequireAsync(caller, domain, id, ScheduleAccess.Suspend, ct);
        }
        var runAs = ScheduleRules.Blank(body.RunAs) is null && current.Target.RunAs is { } kept ? kept : ScheduleRules.RunAs(caller, body.RunAs);
        var worksheetQueries = ScheduleRules.Blank(body.WorksheetId) is { } worksheetId && ScheduleRules.Blank(body.JobId) is null
            ? await worksheets.ReadAsync(request, domain, worksheetId, ct)
            : null;
        var target = ScheduleRules.Target(body, worksheetQueries, runAs);
        if (target.JobId is { } jobId && jobId != current.Target.JobId)
        {
            await access.RequireJobRunAsync(caller, jobId, ct);
        }

        var updated = await store.UpdateAsync(current with
        {
            Name = body.Name!.Trim(),
            Description = body.Description,
            Spec = spec,
            Target = target,
            Paused = paused,
            CatchUp = body.CatchUp ?? CatchUpPolicy.Skip,
            Concurrency = body.Concurrency ?? ConcurrencyPolicy.Allow,
            LateAfterSeconds = body.LateAfterSeconds ?? Schedule.DefaultLateAfterSeconds,
            Tags = tags,
        }, body.Version ?? current.Version, ct);
        await runtime.ApplyAsync(updated, current, ct, now);
        return ApiResults.Ok(await views.ViewAsync(updated, ct));
    }
}
