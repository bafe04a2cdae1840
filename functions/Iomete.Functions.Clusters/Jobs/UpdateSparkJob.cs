using Iomete.Platform.Errors;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Clusters.Jobs;

/// <summary>Replaces a job's definition (UPDATE); runs already made keep the configuration they started with.</summary>
public sealed class UpdateSparkJob(ICallerAccessor callers, JobAccess access, JobRules rules, SparkJobStore store)
{
    private const string Description = "The body is the whole job (as created); a given 'version' must match (409 otherwise). " +
        "Masked values (*****) sent back keep their stored value. The bundle is changed through the bundle API.";

    [Function("clusters-spark-jobs-update")]
    [OpenApiOperation("Spark jobs", "Replace a Spark job (UPDATE)", Description = Description)]
    [OpenApiRequestBody(typeof(SparkJobRequest))]
    [OpenApiResponse(200, typeof(SparkJobView))]
    [OpenApiResponse(400)]
    [OpenApiResponse(403)]
    [OpenApiResponse(404)]
    [OpenApiResponse(409)]
    public Task<IActionResult> Console(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/v2/domains/{domain}/spark/jobs/{id}")] HttpRequest request,
        string domain,
        string id,
        CancellationToken ct) => UpdateAsync(request, domain, id, null, ct);

    [Function("clusters-sdk-spark-jobs-update")]
    [OpenApiOperation("Spark jobs (SDK)", "Replace a Spark job (UPDATE)", Description = Description)]
    [OpenApiRequestBody(typeof(SparkJobRequest))]
    [OpenApiResponse(200, typeof(SparkJobView))]
    [OpenApiResponse(400)]
    [OpenApiResponse(403)]
    [OpenApiResponse(404)]
    [OpenApiResponse(409)]
    public Task<IActionResult> Sdk(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/v2/domains/{domain}/sdk/spark/jobs/{id}")] HttpRequest request,
        string domain,
        string id,
        CancellationToken ct) => UpdateAsync(request, domain, id, null, ct);

    [Function("clusters-streaming-jobs-update")]
    [OpenApiOperation("Spark streaming jobs", "Replace a streaming job (UPDATE)", Description = Description)]
    [OpenApiRequestBody(typeof(SparkJobRequest))]
    [OpenApiResponse(200, typeof(SparkJobView))]
    [OpenApiResponse(400)]
    [OpenApiResponse(403)]
    [OpenApiResponse(404)]
    [OpenApiResponse(409)]
    public Task<IActionResult> Streaming(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/v2/domains/{domain}/spark/streaming/jobs/{id}")] HttpRequest request,
        string domain,
        string id,
        CancellationToken ct) => UpdateAsync(request, domain, id, JobType.Streaming, ct);

    private async Task<IActionResult> UpdateAsync(HttpRequest request, string domain, string id, JobType? forcedType, CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        var job = await access.RequireAsync(caller, domain, id, JobAccess.Update, ct);
        var body = await RequestBody.ReadAsync<SparkJobRequest>(request, ct);
        var type = forcedType ?? body.JobType ?? job.JobType;
        if ((job.JobType == JobType.Streaming) != (type == JobType.Streaming))
        {
            throw ValidationException.ForField("jobType", "a streaming job stays a streaming job (and a batch job a batch job).");
        }
        if (!string.IsNullOrWhiteSpace(body.BundleId) && body.BundleId.Trim() != job.BundleId)
        {
            throw ValidationException.ForField("bundleId", "a job moves between bundles through the bundle API.");
        }
        var normalized = await rules.NormalizeAsync(body with { JobType = type }, forcedType, job, ct);
        normalized = await rules.AuthorizeAsync(caller, domain, normalized, ct);
        var jobUser = string.IsNullOrWhiteSpace(body.JobUser) || body.JobUser.Trim() == job.JobUser ? job.JobUser : JobAccess.JobUser(caller, body.JobUser);
        if (normalized.Priority == JobPriority.High && job.Priority != JobPriority.High)
        {
            await access.RequireHighPriorityAsync(caller, domain, ct);
        }
        var updated = await store.UpdateAsync(job with
        {
            Name = normalized.Name,
            Description = normalized.Description,
            Namespace = normalized.Namespace,
            JobUser = jobUser,
            JobType = normalized.JobType,
            Schedule = normalized.Schedule,
            Concurrency = normalized.Concurrency,
            ResourceTags = normalized.ResourceTags,
            Flow = normalized.Flow,
            Priority = normalized.Priority,
            Template = normalized.Template,
            UpdatedBy = caller.UserId,
        }, body.Version ?? job.Version, ct);
        return ApiResults.Ok(SparkJobView.From(updated));
    }
}
