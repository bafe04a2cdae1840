using Iomete.Platform.Errors;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Iomete.Workflows.Schedules;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Orchestrator.Schedules;

public sealed class ListSchedules(ICallerAccessor callers, ScheduleAccess access, ScheduleStore store, ScheduleViews views)
{
    [Function("orchestrator-schedules-list")]
    [OpenApiOperation("Schedules", "List the schedules of a domain the caller may view",
        Description = "Each with its next fire time and its latest runs' states (the activity sparkline). Domain owners and managers see all.")]
    [OpenApiPaged]
    [OpenApiQuery("status", "ACTIVE or PAUSED")]
    [OpenApiQuery("targetType", "JOB or SQL_QUERIES")]
    [OpenApiResponse(200, typeof(Page<ScheduleView>))]
    [OpenApiResponse(400)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/domains/{domain}/schedules")] HttpRequest request,
        string domain,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        var query = ListQuery.From(request, ScheduleStore.Sortable, "name");
        var filter = new ScheduleFilter(Paused(request), TargetKind(request));
        await access.RequireDomainAsync(caller, domain, ct);

        List<Schedule> items;
        long total;
        if (ScheduleAccess.SeesEverything(caller))
        {
            var page = await store.ListAsync(domain, filter, query, ct);
            (items, total) = (page.Items.ToList(), page.Total);
        }
        else
        {
            // Grants live in the identity service: filter, then page.
            var all = await store.ListAsync(domain, filter, query with { Offset = 0, Limit = int.MaxValue }, ct);
            var visible = new List<Schedule>();
            foreach (var schedule in all.Items)
            {
                if (await access.AllowsAsync(caller, schedule.Id, ScheduleAccess.View, ct))
                {
                    visible.Add(schedule);
                }
            }
            (items, total) = (visible.Skip(query.Offset).Take(query.Limit).ToList(), visible.Count);
        }
        var result = new List<ScheduleView>();
        foreach (var schedule in items)
        {
            result.Add(await views.ViewAsync(schedule, ct));
        }
        return ApiResults.Ok(new Page<ScheduleView>(result, total, query.Offset, query.Limit));
    }

    private static bool? Paused(HttpRequest request) => request.Query["status"].ToString().ToUpperInvariant() switch
    {
        "" => null,
        "ACTIVE" => false,
        "PAUSED" => true,
        _ => throw ValidationException.ForField("status", "must be ACTIVE or PAUSED"),
    };

    private static ScheduleTargetKind? TargetKind(HttpRequest request) => request.Query["targetType"].ToString().ToUpperInvariant() switch
    {
        "" => null,
        "JOB" => ScheduleTargetKind.Job,
        "SQL_QUERIES" => ScheduleTargetKind.SqlQueries,
        _ => throw ValidationException.ForField("targetType", "must be JOB or SQL_QUERIES"),
    };
}
