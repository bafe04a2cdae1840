using Iomete.Functions.Clusters.Jobs;
using Iomete.Functions.Clusters.SparkHistory;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Clusters.Runs;

/// <summary>The runs of one job, newest first (VIEW on the job).</summary>
public sealed class ListJobRuns(ICallerAccessor callers, JobAccess access, SparkRunStore runs, TimeProvider clock, SparkHistoryLocation history)
{
    [Function("clusters-spark-jobs-runs-list")]
    [OpenApiOperation("Spark jobs", "List the runs of a Spark job (VIEW)")]
    [OpenApiPaged]
    [OpenApiQuery("status", "Only runs in this status (ENQUEUED, SUBMITTED, RUNNING, COMPLETED, FAILED, ABORTED, …)")]
    [OpenApiResponse(200, typeof(Page<SparkRunView>))]
    [OpenApiResponse(403)]
    [OpenApiResponse(404)]
    public Task<IActionResult> Console(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v2/domains/{domain}/spark/jobs/{id}/runs")] HttpRequest request,
        string domain,
        string id,
        CancellationToken ct) => ListAsync(request, domain, id, ct);

    [Function("clusters-sdk-spark-jobs-runs-list")]
    [OpenApiOperation("Spark jobs (SDK)", "List the runs of a Spark job (VIEW)")]
    [OpenApiPaged]
    [OpenApiQuery("status", "Only runs in this status (ENQUEUED, SUBMITTED, RUNNING, COMPLETED, FAILED, ABORTED, …)")]
    [OpenApiResponse(200, typeof(Page<SparkRunView>))]
    [OpenApiResponse(403)]
    [OpenApiResponse(404)]
    public Task<IActionResult> Sdk(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v2/domains/{domain}/sdk/spark/jobs/{id}/runs")] HttpRequest request,
        string domain,
        string id,
        CancellationToken ct) => ListAsync(request, domain, id, ct);

    private async Task<IActionResult> ListAsync(HttpRequest request, string domain, string id, CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        var query = RunFilters.Query(request);
        var status = RunFilters.Status(request);
        var job = await access.RequireAsync(caller, domain, id, JobAccess.View, ct);
        var page = await runs.ListAsync(domain, new SparkRunFilter(JobId: job.Id, Status: status), query, ct);
        var now = clock.GetUtcNow();
        return ApiResults.Ok(new Page<SparkRunView>(page.Items.Select(r => SparkRunView.From(r, now, history)).ToList(), page.Total, page.Offset, page.Limit));
    }
}
