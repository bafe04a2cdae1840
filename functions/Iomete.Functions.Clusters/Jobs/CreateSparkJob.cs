using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Iomete.Platform.Time;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Clusters.Jobs;

/// <summary>Creates a job (console, SDK and streaming routes): checked, placed in its bundle, not run.</summary>
public sealed class CreateSparkJob(ICallerAccessor callers, JobAccess access, JobRules rules, IAssetRegistry assets, SparkJobStore store, IIdGenerator ids)
{
    private const string Description = "Needs the domain permission CREATE_SPARK_JOB and the use of the bundle (default: the caller's oldest " +
        "resource bundle of the domain). Job definitions can be created without a data plane; their Spark runs then answer 409.";

    [Function("clusters-spark-jobs-create")]
    [OpenApiOperation("Spark jobs", "Create a Spark job", Description = Description)]
    [OpenApiRequestBody(typeof(SparkJobRequest))]
    [OpenApiResponse(201, typeof(SparkJobView))]
    [OpenApiResponse(400)]
    [OpenApiResponse(403)]
    [OpenApiResponse(409)]
    public Task<IActionResult> Console(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v2/domains/{domain}/spark/jobs")] HttpRequest request,
        string domain,
        CancellationToken ct) => CreateAsync(request, domain, null, $"/api/v2/domains/{domain}/spark/jobs", ct);

    [Function("clusters-sdk-spark-jobs-create")]
    [OpenApiOperation("Spark jobs (SDK)", "Create a Spark job", Description = Description)]
    [OpenApiRequestBody(typeof(SparkJobRequest))]
    [OpenApiResponse(201, typeof(SparkJobView))]
    [OpenApiResponse(400)]
    [OpenApiResponse(403)]
    [OpenApiResponse(409)]
    public Task<IActionResult> Sdk(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v2/domains/{domain}/sdk/spark/jobs")] HttpRequest request,
        string domain,
        CancellationToken ct) => CreateAsync(request, domain, null, $"/api/v2/domains/{domain}/sdk/spark/jobs", ct);

    [Function("clusters-streaming-jobs-create")]
    [OpenApiOperation("Spark streaming jobs", "Create a streaming job", Description = "A job of type STREAMING: one active run at a time, no schedule, no execution limit. " + Description)]
    [OpenApiRequestBody(typeof(SparkJobRequest))]
    [OpenApiResponse(201, typeof(SparkJobView))]
    [OpenApiResponse(400)]
    [OpenApiResponse(403)]
    [OpenApiResponse(409)]
    public Task<IActionResult> Streaming(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v2/domains/{domain}/spark/streaming/jobs")] HttpRequest request,
        string domain,
        CancellationToken ct) => CreateAsync(request, domain, JobType.Streaming, $"/api/v2/domains/{domain}/spark/jobs", ct);

    private async Task<IActionResult> CreateAsync(HttpRequest request, string domain, JobType? forcedType, string location, CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        await access.RequireCreateAsync(caller, domain, ct);
        var body = await RequestBody.ReadAsync<SparkJobRequest>(request, ct);
        var normalized = await rules.NormalizeAsync(body, forcedType, null, ct);
        normalized = await rules.AuthorizeAsync(caller, domain, normalized, ct);
        var jobUser = JobAccess.JobUser(caller, body.JobUser);
        if (normalized.Priority == JobPriority.High)
        {
            await access.RequireHighPriorityAsync(caller, domain, ct);
        }
        var bundleId = string.IsNullOrWhiteSpace(body.BundleId) ? await access.DefaultBundleAsync(request, domain, ct) : body.BundleId.Trim();

        var created = await store.CreateAsync(new SparkJob
        {
            Id = ids.NewId(),
            DomainId = domain,
            Name = normalized.Name,
            Description = normalized.Description,
            BundleId = bundleId,
            Namespace = normalized.Namespace,
            JobUser = jobUser,
            JobType = normalized.JobType,
            Schedule = normalized.Schedule,
            Concurrency = normalized.Concurrency,
            ResourceTags = normalized.ResourceTags,
            Flow = normalized.Flow,
            Priority = normalized.Priority,
            Template = normalized.Template,
            CreatedBy = caller.UserId,
        }, ct);
        try
        {
            await assets.RegisterAsync(caller, domain, bundleId, AssetType.SparkJob, created.Id, ct);
        }
        catch
        {
            await store.DeleteAsync(created.Id, CancellationToken.None);
            throw;
        }
        return ApiResults.Created(SparkJobView.From(created), $"{location}/{created.Id}");
    }
}
