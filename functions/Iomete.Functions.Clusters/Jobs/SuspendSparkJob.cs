using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Clusters.Jobs;

/// <summary>The body of <c>PUT …/suspend</c>: <c>{"suspended": false}</c> resumes; no body suspends.</summary>
public sealed record SuspendRequest(bool? Suspended);

/// <summary>Suspends or resumes a job's schedule (SUSPEND); manual runs stay possible.</summary>
public sealed class SuspendSparkJob(ICallerAccessor callers, JobAccess access, SparkJobStore store)
{
    [Function("clusters-spark-jobs-suspend")]
    [OpenApiOperation("Spark jobs", "Suspend (or, with {\"suspended\": false}, resume) a job's schedule (SUSPEND)")]
    [OpenApiRequestBody(typeof(SuspendRequest))]
    [OpenApiResponse(200, typeof(SparkJobView))]
    [OpenApiResponse(400)]
    [OpenApiResponse(403)]
    [OpenApiResponse(404)]
    public async Task<IActionResult> Suspend(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/v2/domains/{domain}/spark/jobs/{id}/suspend")] HttpRequest request,
        string domain,
        string id,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        var body = request.ContentLength is null or 0 ? new SuspendRequest(true) : await RequestBody.ReadAsync<SuspendRequest>(request, ct);
        return await SetAsync(caller, domain, id, body.Suspended ?? true, ct);
    }

    [Function("clusters-spark-jobs-resume")]
    [OpenApiOperation("Spark jobs", "Resume a job's schedule (SUSPEND)")]
    [OpenApiResponse(200, typeof(SparkJobView))]
    [OpenApiResponse(403)]
    [OpenApiResponse(404)]
    public async Task<IActionResult> Resume(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/v2/domains/{domain}/spark/jobs/{id}/resume")] HttpRequest request,
        string domain,
        string id,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        return await SetAsync(caller, domain, id, false, ct);
    }

    private async Task<IActionResult> SetAsync(Caller caller, string domain, string id, bool suspended, CancellationToken ct)
    {
        var job = await access.RequireAsync(caller, domain, id, JobAccess.Suspend, ct);
        if (job.Suspended == suspended)
        {
            return ApiResults.Ok(SparkJobView.From(job));
        }
        var updated = await store.UpdateAsync(job with { Suspended = suspended, UpdatedBy = caller.UserId }, job.Version, ct);
        return ApiResults.Ok(SparkJobView.From(updated));
    }
}
