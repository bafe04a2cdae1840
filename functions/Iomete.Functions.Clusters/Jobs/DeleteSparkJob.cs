using Iomete.Functions.Clusters.Runs;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Clusters.Jobs;

/// <summary>Deletes a job (DELETE): its active runs are aborted first; the records of past runs stay in the run history.</summary>
public sealed class DeleteSparkJob(
    ICallerAccessor callers, JobAccess access, IAssetRegistry assets, SparkJobStore store, SparkRunStore runs, RunCancellation cancellation)
{
    [Function("clusters-spark-jobs-delete")]
    [OpenApiOperation("Spark jobs", "Delete a Spark job (DELETE)", Description = "Active runs are aborted (reason USER) first.")]
    [OpenApiResponse(204)]
    [OpenApiResponse(403)]
    [OpenApiResponse(404)]
    public Task<IActionResult> Console(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "api/v2/domains/{domain}/spark/jobs/{id}")] HttpRequest request,
        string domain,
        string id,
        CancellationToken ct) => DeleteAsync(request, domain, id, ct);

    [Function("clusters-sdk-spark-jobs-delete")]
    [OpenApiOperation("Spark jobs (SDK)", "Delete a Spark job (DELETE)", Description = "Active runs are aborted (reason USER) first.")]
    [OpenApiResponse(204)]
    [OpenApiResponse(403)]
    [OpenApiResponse(404)]
    public Task<IActionResult> Sdk(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "api/v2/domains/{domain}/sdk/spark/jobs/{id}")] HttpRequest request,
        string domain,
        string id,
        CancellationToken ct) => DeleteAsync(request, domain, id, ct);

    private async Task<IActionResult> DeleteAsync(HttpRequest request, string domain, string id, CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        var job = await access.RequireAsync(caller, domain, id, JobAccess.Delete, ct);
        foreach (var run in await runs.ActiveAsync(job.Id, ct))
        {
            await cancellation.AbortAsync(run, RunStatus.ReasonUser, ct);
        }
        await store.DeleteAsync(job.Id, ct);
        await assets.UnregisterAsync(AssetType.SparkJob, job.Id, ct);
        return ApiResults.NoContent();
    }
}
