using Iomete.Functions.Clusters.DataPlane;
using Iomete.Functions.Clusters.Jobs;
using Iomete.Platform.Errors;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Clusters.Runs;

/// <summary>A run's log (VIEW): the driver pod's log of a Spark run, the statement log of a SQL run.</summary>
public sealed class GetSparkRunLogs(ICallerAccessor callers, RunAccess access, IDataPlaneDiagnostics diagnostics)
{
    public const int DefaultTailLines = 5000;

    [Function("clusters-spark-jobs-runs-logs")]
    [OpenApiOperation("Spark jobs", "Read a run's driver log (VIEW)")]
    [OpenApiQuery("range", "Only the last period: 30s, 5m, 1h, 2d")]
    [OpenApiQuery("tail", "At most this many last lines (1-100000, default 5000)", Type = "integer")]
    [OpenApiResponse(200, typeof(SparkRunLogs))]
    [OpenApiResponse(403)]
    [OpenApiResponse(404)]
    [OpenApiResponse(409)]
    public Task<IActionResult> Console(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v2/domains/{domain}/spark/jobs/{id}/runs/{runId}/logs")] HttpRequest request,
        string domain,
        string id,
        string runId,
        CancellationToken ct) => LogsAsync(request, domain, id, runId, ct);

    [Function("clusters-sdk-spark-jobs-runs-logs")]
    [OpenApiOperation("Spark jobs (SDK)", "Read a run's driver log (VIEW)")]
    [OpenApiQuery("range", "Only the last period: 30s, 5m, 1h, 2d")]
    [OpenApiQuery("tail", "At most this many last lines (1-100000, default 5000)", Type = "integer")]
    [OpenApiResponse(200, typeof(SparkRunLogs))]
    [OpenApiResponse(403)]
    [OpenApiResponse(404)]
    [OpenApiResponse(409)]
    public Task<IActionResult> Sdk(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v2/domains/{domain}/sdk/spark/jobs/{id}/runs/{runId}/logs")] HttpRequest request,
        string domain,
        string id,
        string runId,
        CancellationToken ct) => LogsAsync(request, domain, id, runId, ct);

    private async Task<IActionResult> LogsAsync(HttpRequest request, string domain, string id, string runId, CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        var since = RunFilters.Range(request);
        var tail = ListQuery.ReadInt(request, "tail", DefaultTailLines, 1, 100_000);
        var (_, run) = await access.RequireAsync(caller, domain, id, runId, JobAccess.View, ct);
        if (run.IsSql)
        {
            return ApiResults.Ok(new SparkRunLogs(run.Id, "statements", RunFilters.Optional(request, "range"), run.Log ?? ""));
        }
        var pod = run.Name + "-driver";
        var log = await diagnostics.ReadPodLogAsync(run.Namespace, pod, tail, since, ct)
            ?? throw new NotFoundException("Driver pod", pod);
        return ApiResults.Ok(new SparkRunLogs(run.Id, pod, RunFilters.Optional(request, "range"), log));
    }
}
