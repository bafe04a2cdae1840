using Iomete.Functions.Clusters.Jobs;
using Iomete.Functions.Clusters.SparkHistory;
using Iomete.Platform.Errors;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Clusters.Runs;

/// <summary>Cancels a run (RUN on the job): ABORTED with reason USER, its SparkApplication deleted or its SQL statement cancelled.</summary>
public sealed class CancelSparkRun(ICallerAccessor callers, RunAccess access, JobAccess jobs, SparkRunStore runs, RunCancellation cancellation, TimeProvider clock, SparkHistoryLocation history)
{
    [Function("clusters-spark-jobs-runs-cancel")]
    [OpenApiOperation("Spark jobs", "Cancel a run (RUN)", Description = "409 when the run already ended.")]
    [OpenApiResponse(200, typeof(SparkRunView))]
    [OpenApiResponse(403)]
    [OpenApiResponse(404)]
    [OpenApiResponse(409)]
    public Task<IActionResult> Console(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "api/v2/domains/{domain}/spark/jobs/{id}/runs/{runId}")] HttpRequest request,
        string domain,
        string id,
        string runId,
        CancellationToken ct) => CancelAsync(request, domain, id, runId, ct);

    [Function("clusters-sdk-spark-jobs-runs-cancel")]
    [OpenApiOperation("Spark jobs (SDK)", "Cancel a run (RUN)", Description = "409 when the run already ended.")]
    [OpenApiResponse(200, typeof(SparkRunView))]
    [OpenApiResponse(403)]
    [OpenApiResponse(404)]
    [OpenApiResponse(409)]
    public Task<IActionResult> Sdk(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "api/v2/domains/{domain}/sdk/spark/jobs/{id}/runs/{runId}")] HttpRequest request,
        string domain,
        string id,
        string runId,
        CancellationToken ct) => CancelAsync(request, domain, id, runId, ct);

    [Function("clusters-streaming-jobs-abort")]
    [OpenApiOperation("Spark streaming jobs", "Stop a streaming job: abort its active run (RUN)", Description = "409 when no run is active.")]
    [OpenApiResponse(200, typeof(SparkRunView))]
    [OpenApiResponse(403)]
    [OpenApiResponse(404)]
    [OpenApiResponse(409)]
    public async Task<IActionResult> Streaming(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v2/domains/{domain}/spark/streaming/jobs/{id}/abort")] HttpRequest request,
        string domain,
        string id,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        var job = await jobs.RequireAsync(caller, domain, id, JobAccess.Run, ct);
        var active = (await runs.ActiveAsync(job.Id, ct)).FirstOrDefault()
            ?? throw new ConflictException($"Streaming job '{job.Name}' has no active run.");
        var aborted = await cancellation.CancelAsync(active, RunStatus.ReasonUser, ct);
        return ApiResults.Ok(SparkRunView.From(aborted, clock.GetUtcNow(), history));
    }

    private async Task<IActionResult> CancelAsync(HttpRequest request, string domain, string id, string runId, CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        var (_, run) = await access.RequireAsync(caller, domain, id, runId, JobAccess.Run, ct);
        var aborted = await cancellation.CancelAsync(run, RunStatus.ReasonUser, ct);
        return ApiResults.Ok(SparkRunView.From(aborted, clock.GetUtcNow(), history));
    }
}
