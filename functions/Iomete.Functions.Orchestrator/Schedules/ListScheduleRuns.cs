using Iomete.Functions.Orchestrator.Runs;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Iomete.Workflows.Runs;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Orchestrator.Schedules;

public sealed class ListScheduleRuns(ICallerAccessor callers, ScheduleAccess access, WorkflowRunStore runs, TimeProvider clock)
{
    [Function("orchestrator-schedules-runs")]
    [OpenApiOperation("Schedules", "List a schedule's runs", Description = "Newest first by default; details, logs and tasks of a run are under workflow-runs.")]
    [OpenApiPaged]
    [OpenApiQuery("state", "Only runs in this state (SCHEDULED, LATE, PENDING, RUNNING, COMPLETED, FAILED, CANCELLED, ...)")]
    [OpenApiQuery("trigger", "Only runs started this way: SCHEDULE, MANUAL or BACKFILL")]
    [OpenApiQuery("from", "Only runs created at or after this instant (ISO 8601)")]
    [OpenApiQuery("to", "Only runs created before this instant (ISO 8601)")]
    [OpenApiResponse(200, typeof(Page<WorkflowRunView>))]
    [OpenApiResponse(400)]
    [OpenApiResponse(404)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/domains/{domain}/schedules/{id}/runs")] HttpRequest request,
        string domain,
        string id,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        var query = RunQueries.Page(request);
        var filter = RunQueries.Filter(request) with { ScheduleId = id };
        var schedule = await access.RequireAsync(caller, domain, id, ScheduleAccess.View, ct);
        var page = await runs.ListAsync(schedule.DomainId, filter, query, ct);
        var now = clock.GetUtcNow();
        return ApiResults.Ok(new Page<WorkflowRunView>(page.Items.Select(r => WorkflowRunView.From(r, now)).ToList(), page.Total, page.Offset, page.Limit));
    }
}
