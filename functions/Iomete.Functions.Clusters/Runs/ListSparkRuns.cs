using Iomete.Functions.Clusters.Jobs;
using Iomete.Functions.Clusters.SparkHistory;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Clusters.Runs;

/// <summary>Every run of a domain the caller may view (the Spark Applications page), filtered and paged.</summary>
public sealed class ListSparkRuns(ICallerAccessor callers, JobAccess access, SparkRunStore runs, TimeProvider clock, SparkHistoryLocation history)
{
    [Function("clusters-spark-runs-list")]
    [OpenApiOperation("Spark jobs", "List the runs of all Spark jobs of a domain",
        Description = "Domain owners and managers see every run; others the runs of jobs they may VIEW.")]
    [OpenApiPaged]
    [OpenApiQuery("status", "Only runs in this status")]
    [OpenApiQuery("jobId", "Only runs of this job")]
    [OpenApiQuery("user", "Only runs run as, or triggered by, this user id")]
    [OpenApiQuery("from", "Only runs created at or after this instant (ISO-8601)")]
    [OpenApiQuery("to", "Only runs created before this instant (ISO-8601)")]
    [OpenApiQuery("tag", "Only runs with this resource tag: key or key:value")]
    [OpenApiQuery("namespace", "Only runs in this namespace")]
    [OpenApiResponse(200, typeof(Page<SparkRunView>))]
    [OpenApiResponse(400)]
    [OpenApiResponse(403)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v2/domains/{domain}/spark/runs")] HttpRequest request,
        string domain,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        var query = RunFilters.Query(request);
        var filter = new SparkRunFilter(
            RunFilters.Optional(request, "jobId"), RunFilters.Status(request), RunFilters.Optional(request, "user"),
            RunFilters.Instant(request, "from"), RunFilters.Instant(request, "to"), RunFilters.Optional(request, "tag"),
            RunFilters.Optional(request, "namespace"));
        await access.RequireDomainAsync(caller, domain, ct);
        var now = clock.GetUtcNow();
        if (JobAccess.SeesEverything(caller))
        {
            var page = await runs.ListAsync(domain, filter, query, ct);
            return ApiResults.Ok(new Page<SparkRunView>(page.Items.Select(r => SparkRunView.From(r, now, history)).ToList(), page.Total, page.Offset, page.Limit));
        }
        var all = await runs.ListAsync(domain, filter, query with { Offset = 0, Limit = int.MaxValue }, ct);
        var allowed = new Dictionary<string, bool>(StringComparer.Ordinal);
        var visible = new List<SparkRun>();
        foreach (var run in all.Items)
        {
            if (!allowed.TryGetValue(run.JobId, out var ok))
            {
                allowed[run.JobId] = ok = await access.AllowsAsync(caller, run.JobId, JobAccess.View, ct);
            }
            if (ok)
            {
                visible.Add(run);
            }
        }
        var items = visible.Skip(query.Offset).Take(query.Limit).Select(r => SparkRunView.From(r, now, history)).ToList();
        return ApiResults.Ok(new Page<SparkRunView>(items, visible.Count, query.Offset, query.Limit));
    }
}
