using Iomete.Functions.Clusters.Jobs;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Clusters.Runs;

/// <summary>A run's progress numbers (VIEW): executors by state, attempts, queue time and duration.</summary>
public sealed class GetSparkRunMetrics(ICallerAccessor callers, RunAccess access, TimeProvider clock)
{
    [Function("clusters-spark-jobs-runs-metrics")]
    [OpenApiOperation("Spark jobs", "Read a run's metrics (VIEW)")]
    [OpenApiResponse(200, typeof(SparkRunMetrics))]
    [OpenApiResponse(403)]
    [OpenApiResponse(404)]
    public Task<IActionResult> Console(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v2/domains/{domain}/spark/jobs/{id}/runs/{runId}/metrics")] HttpRequest request,
        string domain,
        string id,
        string runId,
        CancellationToken ct) => MetricsAsync(request, domain, id, runId, ct);

    [Function("clusters-sdk-spark-jobs-runs-metrics")]
    [OpenApiOperation("Spark jobs (SDK)", "Read a run's metrics (VIEW)")]
    [OpenApiResponse(200, typeof(SparkRunMetrics))]
    [OpenApiResponse(403)]
    [OpenApiResponse(404)]
    public Task<IActionResult> Sdk(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v2/domains/{domain}/sdk/spark/jobs/{id}/runs/{runId}/metrics")] HttpRequest request,
        string domain,
        string id,
        string runId,
        CancellationToken ct) => MetricsAsync(request, domain, id, runId, ct);

    private async Task<IActionResult> MetricsAsync(HttpRequest request, string domain, string id, string runId, CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        var (_, run) = await access.RequireAsync(caller, domain, id, runId, JobAccess.View, ct);
        return ApiResults.Ok(SparkRunMetrics.From(run, clock.GetUtcNow()));
    }
}
