using System.Data.Common;
using System.Text.Json;
using Iomete.Functions.Clusters.Runs;
using Iomete.Platform.Data;
using Iomete.Platform.Errors;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Iomete.Platform.Time;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Clusters.Orchestration;

/// <summary>
/// Starts a run for the orchestrator, idempotently by submission key: a retried call answers 200 with the run the key started. The
/// job's <c>flow</c> is not looked at (the orchestrator is the priority flow); concurrency applies as for any run.
/// </summary>
public sealed class StartOrchestratedRun(
    ICallerAccessor callers, OrchestrationCalls calls, OrchestratedRunStore orchestrated, SparkRunStore runs, RunLauncher launcher, IIdGenerator ids,
    IMetadataDb db)
{
    [Function("clusters-orchestration-runs-start")]
    [OpenApiOperation("Internal", "Start a run of a job for the orchestrator, idempotent by submission key (platform only)")]
    [OpenApiRequestBody(typeof(OrchestratedRunRequest))]
    [OpenApiResponse(201, typeof(OrchestratedRunView))]
    [OpenApiResponse(200, typeof(OrchestratedRunView))]
    [OpenApiResponse(400)]
    [OpenApiResponse(403)]
    [OpenApiResponse(404)]
    [OpenApiResponse(409)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = OrchestrationCalls.Root + "/jobs/{id}/runs")] HttpRequest request,
        string domain,
        string id,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        OrchestrationCalls.RequireInternal(request);
        var body = await RequestBody.ReadAsync<OrchestratedRunRequest>(request, ct);
        var overrides = body.Overrides is { ValueKind: JsonValueKind.Object } o
            ? o.Deserialize<RunOverrides>(Json.Options) ?? new RunOverrides()
            : new RunOverrides();
        var job = await calls.RequireJobAsync(domain, id, ct);
        var runId = await orchestrated.ClaimAsync(body.SubmissionKey!, ids.NewId(), domain, job.Namespace, ct);
        if (await runs.GetAsync(runId, ct) is { } existing)
        {
            return ApiResults.Ok(OrchestratedRunView.From(existing));
        }
        if (!string.IsNullOrWhiteSpace(body.RunAs))
        {
            job = job with { JobUser = body.RunAs.Trim() };
        }
        SparkRun run;
        try
        {
            run = await launcher.StartAsync(caller, job, overrides, ct, runId);
        }
        catch (DbException e) when (db.IsUniqueViolation(e))
        {
            // The same key is being started by another call right now: that run is the answer.
            run = await runs.GetAsync(runId, ct) ?? throw new ConflictException($"Submission '{body.SubmissionKey}' is being started; retry.");
            return ApiResults.Ok(OrchestratedRunView.From(run));
        }
        return ApiResults.Created(OrchestratedRunView.From(run), $"/{OrchestrationCalls.Root.Replace("{domain}", domain, StringComparison.Ordinal)}/runs/{run.Id}");
    }
}
