using Iomete.Functions.Clusters.Runs;
using Iomete.Platform.Errors;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Clusters.Orchestration;

/// <summary>A run's status for the orchestrator (platform only).</summary>
public sealed class GetOrchestratedRun(ICallerAccessor callers, SparkRunStore runs)
{
    [Function("clusters-orchestration-runs-get")]
    [OpenApiOperation("Internal", "A run's status for the orchestrator (platform only)")]
    [OpenApiResponse(200, typeof(OrchestratedRunView))]
    [OpenApiResponse(403)]
    [OpenApiResponse(404)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = OrchestrationCalls.Root + "/runs/{runId}")] HttpRequest request,
        string domain,
        string runId,
        CancellationToken ct)
    {
        await callers.RequireAsync(request, ct);
        OrchestrationCalls.RequireInternal(request);
        var run = await runs.GetAsync(runId, ct) is { } r && r.DomainId == domain ? r : throw new NotFoundException("Spark run", runId);
        return ApiResults.Ok(OrchestratedRunView.From(run));
    }
}

/// <summary>Cancels a run for the orchestrator (ABORTED, reason USER); an ended run is answered as it is (platform only).</summary>
public sealed class CancelOrchestratedRun(ICallerAccessor callers, SparkRunStore runs, RunCancellation cancellation)
{
    [Function("clusters-orchestration-runs-cancel")]
    [OpenApiOperation("Internal", "Cancel a run for the orchestrator (platform only)")]
    [OpenApiResponse(200, typeof(OrchestratedRunView))]
    [OpenApiResponse(403)]
    [OpenApiResponse(404)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = OrchestrationCalls.Root + "/runs/{runId}/cancel")] HttpRequest request,
        string domain,
        string runId,
        CancellationToken ct)
    {
        await callers.RequireAsync(request, ct);
        OrchestrationCalls.RequireInternal(request);
        var run = await runs.GetAsync(runId, ct) is { } r && r.DomainId == domain ? r : throw new NotFoundException("Spark run", runId);
        var after = run.IsTerminal ? run : await cancellation.AbortAsync(run, RunStatus.ReasonUser, ct);
        return ApiResults.Ok(OrchestratedRunView.From(after));
    }
}
