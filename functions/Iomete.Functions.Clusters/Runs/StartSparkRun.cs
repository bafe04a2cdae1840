using Iomete.Functions.Clusters.Jobs;
using Iomete.Functions.Clusters.SparkHistory;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Clusters.Runs;

/// <summary>Starts a run of a job (RUN), with optional overrides of arguments, env vars, Java options, Spark conf and tags.</summary>
public sealed class StartSparkRun(
    ICallerAccessor callers, JobAccess access, RunLauncher launcher, TimeProvider clock, SparkHistoryLocation history, Orchestration.PriorityFlowRedirect priorityFlow)
{
    private const string Description = "Answers 201 with the run (ENQUEUED, or SUBMITTED once the data plane took it; SQL jobs run in the " +
        "background). Concurrency FORBID answers 409 while a run is active; REPLACE aborts the active runs first. Spark jobs answer 409 " +
        "DATA_PLANE_NOT_CONFIGURED without a Kubernetes data plane. A job with flow PRIORITY runs through the job orchestrator instead: " +
        "201 with the workflow run (state PENDING, Location /api/v1/domains/{domain}/workflow-runs/{id}); see docs/job-orchestrator.md.";

    [Function("clusters-spark-jobs-runs-start")]
    [OpenApiOperation("Spark jobs", "Run a Spark job (RUN)", Description = Description)]
    [OpenApiRequestBody(typeof(RunOverrides))]
    [OpenApiResponse(201, typeof(SparkRunView))]
    [OpenApiResponse(400)]
    [OpenApiResponse(403)]
    [OpenApiResponse(404)]
    [OpenApiResponse(409)]
    [OpenApiResponse(429)]
    public Task<IActionResult> Console(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v2/domains/{domain}/spark/jobs/{id}/runs")] HttpRequest request,
        string domain,
        string id,
        CancellationToken ct) => StartAsync(request, domain, id, $"/api/v2/domains/{domain}/spark/jobs/{id}/runs", ct);

    [Function("clusters-sdk-spark-jobs-runs-start")]
    [OpenApiOperation("Spark jobs (SDK)", "Run a Spark job (RUN)", Description = Description)]
    [OpenApiRequestBody(typeof(RunOverrides))]
    [OpenApiResponse(201, typeof(SparkRunView))]
    [OpenApiResponse(400)]
    [OpenApiResponse(403)]
    [OpenApiResponse(404)]
    [OpenApiResponse(409)]
    [OpenApiResponse(429)]
    public Task<IActionResult> Sdk(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v2/domains/{domain}/sdk/spark/jobs/{id}/runs")] HttpRequest request,
        string domain,
        string id,
        CancellationToken ct) => StartAsync(request, domain, id, $"/api/v2/domains/{domain}/sdk/spark/jobs/{id}/runs", ct);

    private async Task<IActionResult> StartAsync(HttpRequest request, string domain, string id, string location, CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        var job = await access.RequireAsync(caller, domain, id, JobAccess.Run, ct);
        var overrides = request.ContentLength is null or 0 && !request.Headers.ContainsKey("Transfer-Encoding")
            ? new RunOverrides()
            : await RequestBody.ReadAsync<RunOverrides>(request, ct);
        if (job.Flow == JobFlow.Priority)
        {
            return await priorityFlow.StartAsync(caller, job, overrides, ct);
        }
        var run = await launcher.StartAsync(caller, job, overrides, ct);
        return ApiResults.Created(SparkRunView.From(run, clock.GetUtcNow(), history), $"{location}/{run.Id}");
    }
}
