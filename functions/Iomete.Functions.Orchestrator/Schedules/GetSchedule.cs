using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Orchestrator.Schedules;

public sealed class GetSchedule(ICallerAccessor callers, ScheduleAccess access, ScheduleViews views)
{
    [Function("orchestrator-schedules-get")]
    [OpenApiOperation("Schedules", "Get a schedule with its next fire time and latest runs")]
    [OpenApiResponse(200, typeof(ScheduleView))]
    [OpenApiResponse(404)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/domains/{domain}/schedules/{id}")] HttpRequest request,
        string domain,
        string id,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        var schedule = await access.RequireAsync(caller, domain, id, ScheduleAccess.View, ct);
        return ApiResults.Ok(await views.ViewAsync(schedule, ct));
    }
}
