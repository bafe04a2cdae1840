using Iomete.Functions.Orchestrator.Runs;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Iomete.Workflows.Runs;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Orchestrator.Pipelines;

public sealed class ListPipelineRuns(ICallerAccessor callers, PipelineAccess access, WorkflowRunStore runs)
{
    [Function("orchestrator-pipelines-runs-list")]
    [OpenApiOperation("Pipelines", "List the runs of a pipeline (VIEW)", Description = "Newest first by default (sort -createdAt).")]
    [OpenApiPaged]
    [OpenApiQuery("state", "Only runs in this state (SCHEDULED, PENDING, RUNNING, COMPLETED, FAILED, CANCELLED, …)")]
    [OpenApiQuery("trigger", "Only runs started this way: MANUAL, SCHEDULE or RETRY (a re-run)")]
    [OpenApiQuery("from", "Only runs created at or after this instant (ISO 8601)")]
    [OpenApiQuery("to", "Only runs created before this instant (ISO 8601)")]
    [OpenApiResponse(200, typeof(Page<PipelineRunView>))]
    [OpenApiResponse(400)]
    [OpenApiResponse(403)]
    [OpenApiResponse(404)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/domains/{domain}/pipelines/{id}/runs")] HttpRequest request,
        string domain,
        string id,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        var query = RunQueries.Page(request);
        var filter = RunQueries.Filter(request) with { Kind = RunKind.Pipeline, PipelineId = id };
        await access.RequireAsync(caller, domain, id, PipelineAccess.View, ct);

        var page = await runs.ListAsync(domain, filter, query, ct);
        return ApiResults.Ok(new Page<PipelineRunView>(page.Items.Select(PipelineRunView.From).ToList(), page.Total, page.Offset, page.Limit));
    }
}
