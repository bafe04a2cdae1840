using Iomete.Platform.Errors;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Clusters.Jobs;

/// <summary>Reads a job by id (console, SDK) or by name (SDK); needs VIEW.</summary>
public sealed class GetSparkJob(ICallerAccessor callers, JobAccess access, SparkJobStore store)
{
    [Function("clusters-spark-jobs-get")]
    [OpenApiOperation("Spark jobs", "Read a Spark job (VIEW)")]
    [OpenApiResponse(200, typeof(SparkJobView))]
    [OpenApiResponse(403)]
    [OpenApiResponse(404)]
    public Task<IActionResult> Console(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v2/domains/{domain}/spark/jobs/{id}")] HttpRequest request,
        string domain,
        string id,
        CancellationToken ct) => GetAsync(request, domain, id, ct);

    [Function("clusters-sdk-spark-jobs-get")]
    [OpenApiOperation("Spark jobs (SDK)", "Read a Spark job (VIEW)")]
    [OpenApiResponse(200, typeof(SparkJobView))]
    [OpenApiResponse(403)]
    [OpenApiResponse(404)]
    public Task<IActionResult> Sdk(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v2/domains/{domain}/sdk/spark/jobs/{id}")] HttpRequest request,
        string domain,
        string id,
        CancellationToken ct) => GetAsync(request, domain, id, ct);

    [Function("clusters-sdk-spark-jobs-get-by-name")]
    [OpenApiOperation("Spark jobs (SDK)", "Read a Spark job by its name (VIEW)")]
    [OpenApiResponse(200, typeof(SparkJobView))]
    [OpenApiResponse(403)]
    [OpenApiResponse(404)]
    public async Task<IActionResult> ByName(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v2/domains/{domain}/sdk/spark/jobs/name/{name}")] HttpRequest request,
        string domain,
        string name,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        await access.RequireDomainAsync(caller, domain, ct);
        var found = await store.FindByNameAsync(domain, name, ct) ?? throw new NotFoundException("Spark job", name);
        var job = await access.RequireAsync(caller, domain, found.Id, JobAccess.View, ct);
        return ApiResults.Ok(SparkJobView.From(job));
    }

    private async Task<IActionResult> GetAsync(HttpRequest request, string domain, string id, CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        var job = await access.RequireAsync(caller, domain, id, JobAccess.View, ct);
        return ApiResults.Ok(SparkJobView.From(job));
    }
}
