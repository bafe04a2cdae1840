using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Iomete.Workflows.Runs;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Orchestrator.Runs;

/// <summary>One workflow run with its tasks (VIEW on its schedule, pipeline or job).</summary>
public sealed class GetWorkflowRun(ICallerAccessor callers, RunAccess access, WorkflowRunStore runs, RunJournal journal, TimeProvider clock)
{
    [Function("orchestrator-workflow-runs-get")]
    [OpenApiOperation("Workflow runs", "Get a workflow run and its tasks")]
    [OpenApiResponse(200, typeof(WorkflowRunDetailView))]
    [OpenApiResponse(403)]
    [OpenApiResponse(404)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/domains/{domain}/workflow-runs/{id}")] HttpRequest request,
        string domain,
        string id,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        await access.RequireDomainAsync(caller, domain, ct);
        var run = await runs.RequireAsync(domain, id, ct);
        await access.RequireAsync(caller, run, RunAccess.View, ct);
        var now = clock.GetUtcNow();
        var tasks = await journal.TasksAsync(id, ct);
        return ApiResults.Ok(new WorkflowRunDetailView(WorkflowRunView.From(run, now), tasks.Select(t => RunTaskView.From(t, now)).ToList()));
    }
}
