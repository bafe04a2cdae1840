using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Iomete.Workflows.Schedules;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Orchestrator.Schedules;

public sealed class DeleteSchedule(ICallerAccessor callers, ScheduleAccess access, IAssetRegistry assets, ScheduleStore store, ScheduleRuntime runtime)
{
    [Function("orchestrator-schedules-delete")]
    [OpenApiOperation("Schedules", "Delete a schedule", Description = "It stops firing; runs already started go on, and its runs stay listed.")]
    [OpenApiResponse(204)]
    [OpenApiResponse(404)]
    [OpenApiResponse(409)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "api/v1/domains/{domain}/schedules/{id}")] HttpRequest request,
        string domain,
        string id,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        var schedule = await access.RequireAsync(caller, domain, id, ScheduleAccess.Delete, ct);
        ScheduleAccess.RequireUnmanaged(schedule);
        await store.DeleteAsync(schedule.Id, ct);
        await runtime.StopAsync(schedule, ct);
        await assets.UnregisterAsync(AssetType.Schedule, schedule.Id, ct);
        return ApiResults.NoContent();
    }
}
