using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Iomete.Workflows.Schedules;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Orchestrator.Schedules;

public sealed class ListScheduleEvents(ICallerAccessor callers, ScheduleAccess access, ScheduleStore store)
{
    [Function("orchestrator-schedules-events")]
    [OpenApiOperation("Schedules", "A schedule's log: skipped fires (FORBID, catch-up SKIP), runs replaced (REPLACE), newest first")]
    [OpenApiQuery("limit", "At most this many events (1-1000, default 100)", Type = "integer")]
    [OpenApiResponse(200, typeof(IReadOnlyList<ScheduleEvent>))]
    [OpenApiResponse(404)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/domains/{domain}/schedules/{id}/events")] HttpRequest request,
        string domain,
        string id,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        var limit = ListQuery.ReadInt(request, "limit", 100, 1, 1000);
        var schedule = await access.RequireAsync(caller, domain, id, ScheduleAccess.View, ct);
        return ApiResults.Ok(await store.EventsAsync(schedule.Id, limit, ct));
    }
}
