using Iomete.Platform.Errors;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Messaging;
using Iomete.Platform.Security;
using Iomete.Workflows.Jobs;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Orchestrator.JobRuns;

/// <summary>The clusters service's <c>SparkRunStateChanged</c> as this subscriber reads it (the fields it needs).</summary>
public sealed record SparkRunChange(string Domain, string JobId, string RunId, string Status, string? Reason = null);

/// <summary>What one delivered run event caused: the workflow run told, or none (no job run owns that Spark run).</summary>
public sealed record SparkRunChangeResult(string? WorkflowRunId);

/// <summary>Wakes the job run that submitted a Spark run when that run changes state (topic <c>spark-runs</c>); polling covers a missed event.</summary>
public sealed class OnSparkRunState(ICallerAccessor callers, JobRunEvents events)
{
    public const string Topic = "spark-runs";

    [Function("orchestrator-job-runs-on-spark-run")]
    [TopicSubscription(Topic)]
    [OpenApiOperation("Internal", "Tell the job run that submitted a Spark run about its new state (platform only; a pub/sub subscription)")]
    [OpenApiRequestBody(typeof(CloudEvent<SparkRunChange>))]
    [OpenApiResponse(200, typeof(SparkRunChangeResult))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "internal/v1/orchestrator/subscriptions/spark-runs/job-runs")] HttpRequest request,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        if (caller.UserId != "system" || !caller.IsSuperAdmin)
        {
            throw new ForbiddenException("Only the platform's internal calls may use this route.");
        }
        var change = await CloudEvents.ReadDataAsync<SparkRunChange>(request, ct);
        return ApiResults.Ok(new SparkRunChangeResult(await events.ForwardAsync(change.RunId, change.Status, ct)));
    }
}
