using Iomete.Functions.Clusters.Kubernetes;
using Iomete.Platform.Functions;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Clusters.SparkHistory;

public sealed class ProxySparkHistory(ICallerAccessor callers, SparkUiAccess access, SparkHistoryLocation location, SparkUiProxy proxy)
{
    [Function("clusters-spark-history-proxy")]
    [OpenApiOperation("Spark History Server", "The Spark History Server's UI and REST API, through the control plane",
        Description = "Signed-in callers only. An application's pages (history/{appId}/…, api/v1/applications/{appId}/…) need VIEW on " +
                      "the compute cluster or Spark job that ran it; the application list and other cross-application pages are for " +
                      "admins with (read) COMPUTE_RESOURCES_MANAGER. 409 when no history server is configured.")]
    [OpenApiResponse(200)]
    [OpenApiResponse(401)]
    [OpenApiResponse(403)]
    [OpenApiResponse(409)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "spark-history/{*path}")] HttpRequest request,
        string? path,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        var (kind, appId) = SparkUiAccess.ClassifyHistoryPath(path);
        await access.RequireAsync(caller, kind, appId, ct);
        return await proxy.ForwardAsync(request, location.RequireHistoryUrl(), path, SparkUiPaths.History, ct);
    }
}
