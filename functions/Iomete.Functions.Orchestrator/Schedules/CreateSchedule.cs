using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Iomete.Platform.Time;
using Iomete.Workflows.Schedules;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Orchestrator.Schedules;

public sealed class CreateSchedule(
    ICallerAccessor callers, ScheduleAccess access, IAssetRegistry assets, ScheduleStore store, ScheduleRuntime runtime,
    WorksheetQueries worksheets, ScheduleViews views, IIdGenerator ids, TimeProvider clock)
{
    [Function("orchestrator-schedules-create")]
    [OpenApiOperation("Schedules", "Create a schedule",
        Description = "A cron (5 fields, or 6 with seconds), interval or RRULE schedule in an IANA time zone that runs a job or SQL queries " +
                      "(given, or split from a worksheet). Needs CREATE_SPARK_JOB in the domain and use of the resource bundle.")]
    [OpenApiRequestBody(typeof(ScheduleRequest))]
    [OpenApiResponse(201, typeof(ScheduleView))]
    [OpenApiResponse(400)]
    [OpenApiResponse(403)]
    [OpenApiResponse(409)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/domains/{domain}/schedules")] HttpRequest request,
        string domain,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        // A caller outside the domain learns nothing, not even what the body should look like.
        await access.RequireDomainAsync(caller, domain, ct);
        var body = await RequestBody.ReadAsync<ScheduleRequest>(request, ct);
        var now = clock.GetUtcNow();
        var spec = ScheduleRules.Spec(body, now);
        var tags = ScheduleRules.Tags(body.Tags);
        await access.RequireCreateAsync(caller, domain, ct);
        var runAs = ScheduleRules.RunAs(caller, body.RunAs);
        var worksheetQueries = ScheduleRules.Blank(body.WorksheetId) is { } worksheetId && ScheduleRules.Blank(body.JobId) is null
            ? await worksheets.ReadAsync(request, domain, worksheetId, ct)
            : null;
        var target = ScheduleRules.Target(body, worksheetQueries, runAs);
        if (target.JobId is { } jobId)
        {
            await access.RequireJobRunAsync(caller, jobId, ct);
        }

        var created = await store.CreateAsync(new Schedule
        {
            Id = ids.NewId(),
            DomainId = domain,
            Name = body.Name!.Trim(),
            Description = body.Description,
            Spec = spec,
            Target = target,
            ResourceBundleId = body.ResourceBundleId!,
            Paused = body.Paused ?? false,
            CatchUp = body.CatchUp ?? CatchUpPolicy.Skip,
            Concurrency = body.Concurrency ?? ConcurrencyPolicy.Allow,
            LateAfterSeconds = body.LateAfterSeconds ?? Schedule.DefaultLateAfterSeconds,
            Tags = tags,
            CreatedBy = caller.UserId,
            CreatedAt = now,
            UpdatedAt = now,
        }, ct);
        try
        {
            await assets.RegisterAsync(caller, domain, created.ResourceBundleId, AssetType.Schedule, created.Id, ct);
        }
        catch
        {
            await store.DeleteAsync(created.Id, CancellationToken.None);
            throw;
        }
        await runtime.ApplyAsync(created, null, ct, now);
        return ApiResults.Created(await views.ViewAsync(created, ct), $"/api/v1/domains/{domain}/schedules/{created.Id}");
    }
}
