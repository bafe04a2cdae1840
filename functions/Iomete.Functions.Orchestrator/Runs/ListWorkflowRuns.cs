using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Iomete.Workflows.Runs;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Orchestrator.Runs;

/// <summary>The workflow runs of a domain the caller may view: job runs, schedule runs and pipeline runs, filtered and paged.</summary>
public sealed class ListWorkflowRuns(ICallerAccessor callers, RunAccess access, WorkflowRunStore runs, TimeProvider clock)
{
    [Function("orchestrator-workflow-runs-list")]
    [OpenApiOperation("Workflow runs", "List workflow runs",
        Description = "Domain managers see every run; others the runs of schedules, pipelines and jobs they may VIEW, and runs they started or that run as them. Newest first unless sorted.")]
    [OpenApiPaged]
    [OpenApiQuery("state", "SCHEDULED, LATE, PENDING, RUNNING, RETRYING, COMPLETED, FAILED, TIMED_OUT, CANCELLING, CANCELLED or CRASHED")]
    [OpenApiQuery("kind", "JOB, SQL_QUERIES or PIPELINE")]
    [OpenApiQuery("trigger", "MANUAL, SCHEDULE, BACKFILL, PIPELINE or RETRY")]
    [OpenApiQuery("jobId", "Only runs of this job")]
    [OpenApiQuery("scheduleId", "Only runs of this schedule")]
    [OpenApiQuery("pipelineId", "Only runs of this pipeline")]
    [OpenApiQuery("parentRunId", "Only the node runs of this pipeline run (or the reruns of a run)")]
    [OpenApiQuery("namespace", "Only runs in this namespace")]
    [OpenApiQuery("from", "Only runs created at or after this instant (ISO-8601)")]
    [OpenApiQuery("to", "Only runs created before this instant (ISO-8601)")]
    [OpenApiResponse(200, typeof(Page<WorkflowRunView>))]
    [OpenApiResponse(400)]
    [OpenApiResponse(403)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/domains/{domain}/workflow-runs")] HttpRequest request,
        string domain,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        var query = RunQueries.Page(request);
        var filter = RunQueries.Filter(request);
        await access.RequireDomainAsync(caller, domain, ct);
        var now = clock.GetUtcNow();
        if (RunAccess.SeesEverything(caller, forRead: true))
        {
            var page = await runs.ListAsync(domain, filter, query, ct);
            return ApiResults.Ok(new Page<WorkflowRunView>(page.Items.Select(r => WorkflowRunView.From(r, now)).ToList(), page.Total, page.Offset, page.Limit));
        }
        var all = await runs.ListAsync(domain, filter, query with { Offset = 0, Limit = int.MaxValue }, ct);
        var allowedOwners = new Dictionary<(AssetType, string?), bool>();
        var visible = new List<WorkflowRun>();
        foreach (var run in all.Items)
        {
            var owner = RunAccess.Owner(run);
            if (run.CreatedBy == caller.UserId || run.RunAs == caller.UserId)
            {
                visible.Add(run);
                continue;
            }
            if (!allowedOwners.TryGetValue(owner, out var ok))
            {
                allowedOwners[owner] = ok = await access.AllowsAsync(caller, run, RunAccess.View, ct);
            }
            if (ok)
            {
                visible.Add(run);
            }
        }
        var items = visible.Skip(query.Offset).Take(query.Limit).Select(r => WorkflowRunView.From(r, now)).ToList();
        return ApiResults.Ok(new Page<WorkflowRunView>(items, visible.Count, query.Offset, query.Limit));
    }
}
