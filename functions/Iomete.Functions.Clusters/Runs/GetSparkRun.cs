using Iomete.Functions.Clusters.Jobs;
using Iomete.Functions.Clusters.SparkHistory;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Clusters.Runs;

/// <summary>Reads one run of a job (VIEW on the job).</summary>
public sealed class GetSparkRun(ICallerAccessor callers, RunAccess access, TimeProvider clock, SparkHistoryLocation history)
{
    [Function("clusters-spark-jobs-runs-get")]
    [OpenApiOperation("Spark jobs", "Read a run of a Spark job (VIEW)")]
    [OpenApiResponse(200, typeof(SparkRunView))]
    [OpenApiResponse(403)]
    [OpenApiResponse(404)]
    public Task<IActionResult> Console(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v2/domains/{domain}/spark/jobs/{id}/runs/{runId}")] HttpRequest request,
        string domain,
        string id,
        string runId,
        CancellationToken ct) => GetAsync(request, domain, id, runId, ct);

    [Function("clusters-sdk-spark-jobs-runs-get")]
    [OpenApiOperation("Spark jobs (SDK)", "Read a run of a Spark job (VIEW)")]
    [OpenApiResponse(200, typeof(SparkRunView))]
    [OpenApiResponse(403)]
    [OpenApiResponse(404)]
    public Task<IActionResult> Sdk(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v2/domains/{domain}/sdk/spark/jobs/{id}/runs/{runId}")] HttpRequest request,
        string domain,
        string id,
        string runId,
        CancellationToken ct) => GetAsync(request, domain, id, runId, ct);

    private async Task<IActionResult> GetAsync(HttpRequest request, string domain, string id, string runId, CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        var (_, run) = await access.RequireAsync(caller, domain, id, runId, JobAccess.View, ct);
        return ApiResults.Ok(SparkRunView.From(run, clock.GetUtcNow(), history));
    }
}
