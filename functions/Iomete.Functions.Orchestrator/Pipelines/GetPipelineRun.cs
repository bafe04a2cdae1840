using Iomete.Platform.Errors;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Iomete.Workflows.Pipelines;
using Iomete.Workflows.Runs;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Orchestrator.Pipelines;

public sealed class GetPipelineRun(ICallerAccessor callers, PipelineAccess access, PipelineStore store, WorkflowRunStore runs, RunJournal journal)
{
    [Function("orchestrator-pipelines-runs-get")]
    [OpenApiOperation("Pipelines", "Get a pipeline run with its nodes and edges (VIEW)",
        Description = "Nodes carry their task state, job run id, message and timing; edges their condition: enough to draw the DAG.")]
    [OpenApiResponse(200, typeof(PipelineRunDetailView))]
    [OpenApiResponse(403)]
    [OpenApiResponse(404)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/domains/{domain}/pipelines/{id}/runs/{runId}")] HttpRequest request,
        string domain,
        string id,
        string runId,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        var pipeline = await access.RequireAsync(caller, domain, id, PipelineAccess.View, ct);
        var run = await runs.RequireAsync(domain, runId, ct);
        if (run.Kind != RunKind.Pipeline || run.PipelineId != id)
        {
            throw new NotFoundException("Pipeline run", runId);
        }
        var graph = await store.RunGraphAsync(runId, ct) ?? pipeline.Nodes;
        return ApiResults.Ok(PipelineRunDetailView.From(run, graph, await journal.TasksAsync(runId, ct)));
    }
}
