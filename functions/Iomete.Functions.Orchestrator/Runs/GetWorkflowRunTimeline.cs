using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Iomete.Workflows.Runs;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Orchestrator.Runs;

/// <summary>A span of the run in one state (the last one open while the run has not ended).</summary>
public sealed record StateSpanView(string State, DateTimeOffset From, DateTimeOffset? To, long DurationMs, string Message);

/// <summary>
/// The run's timeline: how long it spent in each state (queued, running, retrying, …), its tasks as bars, and the
/// events that explain them (queue admission, retries, skips).
/// </summary>
public sealed record RunTimelineView(
    WorkflowRunView Run, IReadOnlyList<StateSpanView> States, IReadOnlyList<RunTaskView> Tasks, IReadOnlyList<RunEventView> Events);

public sealed class GetWorkflowRunTimeline(ICallerAccessor callers, RunAccess access, WorkflowRunStore runs, RunJournal journal, TimeProvider clock)
{
    private const int MaxEvents = 5000;
    private static readonly RunEventKind[] TimelineKinds = [RunEventKind.State, RunEventKind.Task, RunEventKind.Queue];

    [Function("orchestrator-workflow-runs-timeline")]
    [OpenApiOperation("Workflow runs", "The timeline of a workflow run: time in each state, task bars and events")]
    [OpenApiResponse(200, typeof(RunTimelineView))]
    [OpenApiResponse(403)]
    [OpenApiResponse(404)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/domains/{domain}/workflow-runs/{id}/timeline")] HttpRequest request,
        string domain,
        string id,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        await access.RequireDomainAsync(caller, domain, ct);
        var run = await runs.RequireAsync(domain, id, ct);
        await access.RequireAsync(caller, run, RunAccess.View, ct);
        var now = clock.GetUtcNow();
        var events = await journal.EventsAsync(id, 0, MaxEvents, TimelineKinds, ct);
        var tasks = await journal.TasksAsync(id, ct);
        return ApiResults.Ok(new RunTimelineView(
            WorkflowRunView.From(run, now), Spans(events, run, now), tasks.Select(t => RunTaskView.From(t, now)).ToList(),
            events.Select(RunEventView.From).ToList()));
    }

    private static List<StateSpanView> Spans(IReadOnlyList<RunEvent> events, WorkflowRun run, DateTimeOffset now)
    {
        var changes = events.Where(e => e.Kind == RunEventKind.State && e.State is not null).ToList();
        var spans = new List<StateSpanView>(changes.Count);
        for (var i = 0; i < changes.Count; i++)
        {
            var state = changes[i].State!.Value;
            DateTimeOffset? end = i + 1 < changes.Count ? changes[i + 1].At : state.IsTerminal() ? changes[i].At : null;
            spans.Add(new StateSpanView(state.Name(), changes[i].At, end, (long)((end ?? (run.EndedAt ?? now)) - changes[i].At).TotalMilliseconds,
                changes[i].Message));
        }
        return spans;
    }
}
