using System.ComponentModel.DataAnnotations;
using System.Text.Json.Nodes;
using Iomete.Platform.Errors;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Iomete.Workflows.Jobs;
using Iomete.Workflows.Runs;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Orchestrator.JobRuns;

/// <summary>A run of a <c>flow: PRIORITY</c> job handed over by the clusters service (which checked RUN already).</summary>
public sealed record InternalJobRunRequest
{
    [Required]
    public string? JobId { get; init; }

    public JsonObject? Overrides { get; init; }
}

/// <summary>Starts a job run for the clusters service's run routes (platform only; the acting user in <c>X-Iomete-Run-As</c>).</summary>
public sealed class StartJobRunInternal(ICallerAccessor callers, IJobService jobs, JobRunStarter starter)
{
    [Function("orchestrator-internal-job-runs-start")]
    [OpenApiOperation("Internal", "Start a job run of a flow PRIORITY job (platform only)")]
    [OpenApiRequestBody(typeof(InternalJobRunRequest))]
    [OpenApiResponse(201, typeof(JobRunView))]
    [OpenApiResponse(403)]
    [OpenApiResponse(404)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "internal/v1/orchestrator/domains/{domain}/job-runs")] HttpRequest request,
        string domain,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        if (!request.Headers.ContainsKey(InternalCallOptions.Header))
        {
            throw new ForbiddenException("Only the platform's internal calls may use this route.");
        }
        var body = await RequestBody.ReadAsync<InternalJobRunRequest>(request, ct);
        var job = await JobServiceCalls.ReadAsync(() => jobs.GetJobAsync(domain, body.JobId!, ct));
        var overrides = body.Overrides is { Count: > 0 } o ? o.ToJsonString(Json.Options) : null;
        var (run, _) = await starter.StartAsync(new JobRunStart(job, caller.UserId, RunTrigger.Manual, overrides, null, null, null, null, null), ct);
        return ApiResults.Created(JobRunView.From(run), $"/api/v1/domains/{domain}/workflow-runs/{run.Id}");
    }
}
