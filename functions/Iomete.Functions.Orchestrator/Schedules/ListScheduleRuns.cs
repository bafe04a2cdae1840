using System.Globalization;
using Iomete.Platform.Errors;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Iomete.Workflows.Runs;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Orchestrator.Schedules;

public sealed class ListScheduleRuns(ICallerAccessor callers, ScheduleAccess access, WorkflowRunStore runs)
{
    [Function("orchestrator-schedules-runs")]
    [OpenApiOperation("Schedules", "List a schedule's runs", Description = "Newest first by default; details, logs and tasks of a run are under workflow-runs.")]
    [OpenApiPaged]
    [OpenApiQuery("state", "Only runs in this state (SCHEDULED, LATE, PENDING, RUNNING, COMPLETED, FAILED, CANCELLED, ...)")]
    [OpenApiQuery("trigger", "Only runs started this way: SCHEDULE, MANUAL or BACKFILL")]
    [OpenApiQuery("from", "Only runs created at or after this instant (ISO 8601)")]
    [OpenApiQuery("to", "Only runs created before this instant (ISO 8601)")]
    [OpenApiResponse(200, typeof(Page<WorkflowRun>))]
    [OpenApiResponse(400)]
    [OpenApiResponse(404)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/domains/{domain}/schedules/{id}/runs")] HttpRequest request,
        string domain,
        string id,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        var query = ListQuery.From(request, WorkflowRunStore.Sortable, "createdAt");
        query = request.Query.ContainsKey("sort") ? query : query with { Descending = true };
        var filter = new WorkflowRunFilter(
            State: Parse("state", request, WorkflowRunStates.Parse),
            ScheduleId: id,
            Trigger: Parse("trigger", request, t => Enum.GetValues<RunTrigger>().First(v => v.ToString().ToUpperInvariant() == t)),
            From: Parse("from", request, Instant),
            To: Parse("to", request, Instant));
        var schedule = await access.RequireAsync(caller, domain, id, ScheduleAccess.View, ct);
        return ApiResults.Ok(await runs.ListAsync(schedule.DomainId, filter, query, ct));
    }

    private static DateTimeOffset Instant(string text) => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    private static T? Parse<T>(string name, HttpRequest request, Func<string, T> parse) where T : struct
    {
        var raw = request.Query[name].ToString();
        if (raw.Length == 0)
        {
            return null;
        }
        try
        {
            return parse(raw.Trim());
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException)
        {
            throw ValidationException.ForField(name, $"'{raw}' is not valid here");
        }
    }
}
