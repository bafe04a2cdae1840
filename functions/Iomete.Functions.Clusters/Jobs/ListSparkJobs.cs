using Iomete.Platform.Errors;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Clusters.Jobs;

/// <summary>Lists the jobs of a domain the caller may view (console, SDK).</summary>
public sealed class ListSparkJobs(ICallerAccessor callers, JobAccess access, SparkJobStore store)
{
    [Function("clusters-spark-jobs-list")]
    [OpenApiOperation("Spark jobs", "List the Spark jobs of a domain the caller may view")]
    [OpenApiPaged]
    [OpenApiQuery("jobType", "Only jobs of this type: MANUAL, SCHEDULED or STREAMING")]
    [OpenApiQuery("namespace", "Only jobs of this namespace")]
    [OpenApiQuery("tag", "Only jobs with this resource tag: key or key:value")]
    [OpenApiResponse(200, typeof(Page<SparkJobView>))]
    [OpenApiResponse(400)]
    public Task<IActionResult> Console(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v2/domains/{domain}/spark/jobs")] HttpRequest request,
        string domain,
        CancellationToken ct) => ListAsync(request, domain, ct);

    [Function("clusters-sdk-spark-jobs-list")]
    [OpenApiOperation("Spark jobs (SDK)", "List the Spark jobs of a domain the caller may view")]
    [OpenApiPaged]
    [OpenApiQuery("jobType", "Only jobs of this type: MANUAL, SCHEDULED or STREAMING")]
    [OpenApiQuery("namespace", "Only jobs of this namespace")]
    [OpenApiQuery("tag", "Only jobs with this resource tag: key or key:value")]
    [OpenApiResponse(200, typeof(Page<SparkJobView>))]
    [OpenApiResponse(400)]
    public Task<IActionResult> Sdk(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v2/domains/{domain}/sdk/spark/jobs")] HttpRequest request,
        string domain,
        CancellationToken ct) => ListAsync(request, domain, ct);

    private async Task<IActionResult> ListAsync(HttpRequest request, string domain, CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        var query = ListQuery.From(request, SparkJobStore.Sortable, "name");
        var filter = new SparkJobFilter(JobTypeOf(request), Optional(request, "namespace"), Optional(request, "tag"));
        await access.RequireDomainAsync(caller, domain, ct);
        if (JobAccess.SeesEverything(caller))
        {
            var page = await store.ListAsync(domain, filter, query, ct);
            return ApiResults.Ok(new Page<SparkJobView>(page.Items.Select(SparkJobView.From).ToList(), page.Total, page.Offset, page.Limit));
        }
        // Per-job grants live in the identity service: filter, then page.
        var all = await store.ListAsync(domain, filter, query with { Offset = 0, Limit = int.MaxValue }, ct);
        var visible = new List<SparkJob>();
        foreach (var job in all.Items)
        {
            if (await access.AllowsAsync(caller, job.Id, JobAccess.View, ct))
            {
                visible.Add(job);
            }
        }
        var items = visible.Skip(query.Offset).Take(query.Limit).Select(SparkJobView.From).ToList();
        return ApiResults.Ok(new Page<SparkJobView>(items, visible.Count, query.Offset, query.Limit));
    }

    private static JobType? JobTypeOf(HttpRequest request) => Optional(request, "jobType")?.ToUpperInvariant() switch
    {
        null => null,
        "MANUAL" => JobType.Manual,
        "SCHEDULED" => JobType.Scheduled,
        "STREAMING" => JobType.Streaming,
        _ => throw ValidationException.ForField("jobType", "must be MANUAL, SCHEDULED or STREAMING"),
    };

    internal static string? Optional(HttpRequest request, string name) =>
        request.Query[name].ToString() is { Length: > 0 } value ? value.Trim() : null;
}
