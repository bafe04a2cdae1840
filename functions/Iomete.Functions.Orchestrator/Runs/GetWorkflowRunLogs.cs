using System.Globalization;
using System.Text;
using Iomete.Platform.Errors;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Iomete.Workflows.Runs;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Orchestrator.Runs;

/// <summary>A page of log lines of the run, after a cursor.</summary>
public sealed record RunLogPage(IReadOnlyList<RunEventView> Items, long? NextAfter, bool RunEnded);

/// <summary>
/// The orchestrator's log of a run: its state changes, task and queue events and the log lines its steps wrote, in order.
/// Follow a running run by passing the last <c>nextAfter</c> as <c>after</c>; <c>format=text</c> downloads it as text.
/// </summary>
public sealed class GetWorkflowRunLogs(ICallerAccessor callers, RunAccess access, WorkflowRunStore runs, RunJournal journal)
{
    [Function("orchestrator-workflow-runs-logs")]
    [OpenApiOperation("Workflow runs", "Read the log of a workflow run")]
    [OpenApiQuery("after", "Only lines after this id (the previous page's nextAfter)")]
    [OpenApiQuery("limit", "Lines per page, 1 to 5000 (default 1000)")]
    [OpenApiQuery("level", "Lowest level shown: DEBUG, INFO, WARNING or ERROR")]
    [OpenApiQuery("format", "json (default) or text (a download)")]
    [OpenApiResponse(200, typeof(RunLogPage))]
    [OpenApiResponse(400)]
    [OpenApiResponse(403)]
    [OpenApiResponse(404)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/domains/{domain}/workflow-runs/{id}/logs")] HttpRequest request,
        string domain,
        string id,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        var after = long.TryParse(RunQueries.Optional(request, "after") ?? "0", NumberStyles.Integer, CultureInfo.InvariantCulture, out var a) && a >= 0
            ? a : throw ValidationException.ForField("after", "must be a non-negative integer");
        var limit = ListQuery.ReadInt(request, "limit", 1000, 1, 5000);
        var level = RunQueries.Optional(request, "level")?.ToUpperInvariant() switch
        {
            null or "DEBUG" => RunEventLevel.Debug,
            "INFO" => RunEventLevel.Info,
            "WARNING" => RunEventLevel.Warning,
            "ERROR" => RunEventLevel.Error,
            _ => throw ValidationException.ForField("level", "must be DEBUG, INFO, WARNING or ERROR"),
        };
        var text = RunQueries.Optional(request, "format")?.ToLowerInvariant() switch
        {
            null or "json" => false,
            "text" => true,
            _ => throw ValidationException.ForField("format", "must be json or text"),
        };
        await access.RequireDomainAsync(caller, domain, ct);
        var run = await runs.RequireAsync(domain, id, ct);
        await access.RequireAsync(caller, run, RunAccess.View, ct);
        var events = await journal.EventsAsync(id, after, limit, null, ct);
        var shown = events.Where(e => e.Level >= level).Select(RunEventView.From).ToList();
        if (text)
        {
            var body = new StringBuilder();
            foreach (var e in shown)
            {
                body.Append(e.At.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)).Append(' ')
                    .Append(e.Level.ToString().ToUpperInvariant()).Append(' ')
                    .Append(e.TaskKey is null ? "" : $"[{e.TaskKey}] ").Append(e.Message).Append('\n');
            }
            request.HttpContext.Response.Headers.ContentDisposition = $"attachment; filename=\"workflow-run-{id}.log\"";
            return ApiResults.Bytes(Encoding.UTF8.GetBytes(body.ToString()), "text/plain; charset=utf-8");
        }
        return ApiResults.Ok(new RunLogPage(shown, events.Count == 0 ? after : events[^1].Id, run.State.IsTerminal()));
    }
}
