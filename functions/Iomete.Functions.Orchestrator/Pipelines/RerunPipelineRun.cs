using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Iomete.Workflows.Pipelines;
using Iomete.Workflows.Runs;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Orchestrator.Pipelines;

public sealed class RerunPipelineRun(ICallerAccessor callers, PipelineAccess access, WorkflowRunStore runs, PipelineLauncher launcher)
{
    [Function("orchestrator-pipelines-runs-rerun")]
    [OpenApiOperation("Pipelines", "Re-run an ended pipeline run from its failed nodes (RUN)",
        Description = "Creates a new run (trigger RETRY, parentRunId = this run) with this run's parameters. Nodes that COMPLETED here " +
                      "(same job and parameters) are reused, not run again; failed and skipped nodes and everything downstream of them run.")]
    [OpenApiResponse(201, typeof(PipelineRunView))]
    [OpenApiResponse(403)]
    [OpenApiResponse(404)]
    [OpenApiResponse(409)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/domains/{domain}/pipelines/{id}/runs/{runId}/rerun")] HttpRequest request,
        string domain,
        string id,
        string runId,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        var pipeline = await access.RequireAsync(caller, domain, id, PipelineAccess.Run, ct);
        var original = await runs.RequireAsync(domain, runId, ct);

        var run = await launcher.RerunAsync(pipeline, original, caller.UserId, ct);
        return ApiResults.Created(PipelineRunView.From(run), $"/api/v1/domains/{domain}/pipelines/{id}/runs/{run.Id}");
    }
}
