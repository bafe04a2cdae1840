using Iomete.Functions.Clusters.Compute;
using Iomete.Functions.Clusters.DataPlane;
using Iomete.Functions.Clusters.Jobs;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Clusters.Runs;

/// <summary>A run's Kubernetes-events tab (VIEW): events of its SparkApplication and driver pod, newest first; none for a SQL run.</summary>
public sealed class ListSparkRunEvents(ICallerAccessor callers, RunAccess access, IDataPlaneDiagnostics diagnostics)
{
    [Function("clusters-spark-jobs-runs-events")]
    [OpenApiOperation("Spark jobs", "Kubernetes events of a run's SparkApplication and driver pod (VIEW), newest first")]
    [OpenApiResponse(200, typeof(ComputeEventsView))]
    [OpenApiResponse(403)]
    [OpenApiResponse(404)]
    [OpenApiResponse(409)]
    public Task<IActionResult> Console(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v2/domains/{domain}/spark/jobs/{id}/runs/{runId}/events")] HttpRequest request,
        string domain,
        string id,
        string runId,
        CancellationToken ct) => EventsAsync(request, domain, id, runId, ct);

    [Function("clusters-sdk-spark-jobs-runs-events")]
    [OpenApiOperation("Spark jobs (SDK)", "Kubernetes events of a run's SparkApplication and driver pod (VIEW), newest first")]
    [OpenApiResponse(200, typeof(ComputeEventsView))]
    [OpenApiResponse(403)]
    [OpenApiResponse(404)]
    [OpenApiResponse(409)]
    public Task<IActionResult> Sdk(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v2/domains/{domain}/sdk/spark/jobs/{id}/runs/{runId}/events")] HttpRequest request,
        string domain,
        string id,
        string runId,
        CancellationToken ct) => EventsAsync(request, domain, id, runId, ct);

    private async Task<IActionResult> EventsAsync(HttpRequest request, string domain, string id, string runId, CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        var (_, run) = await access.RequireAsync(caller, domain, id, runId, JobAccess.View, ct);
        if (run.IsSql)
        {
            return ApiResults.Ok(new ComputeEventsView([], 0, 0));
        }
        var events = await diagnostics.ListEventsAsync(run.Namespace, run.Name, [run.Name + "-driver"], ct);
        var warnings = events.Count(e => string.Equals(e.Type, "Warning", StringComparison.OrdinalIgnoreCase));
        return ApiResults.Ok(new ComputeEventsView(events, events.Count, warnings));
    }
}
