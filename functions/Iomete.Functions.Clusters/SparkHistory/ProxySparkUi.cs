using Iomete.Functions.Clusters.DataPlane;
using Iomete.Functions.Clusters.Kubernetes;
using Iomete.Platform.Errors;
using Iomete.Platform.Functions;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;

namespace Iomete.Functions.Clusters.SparkHistory;

public sealed class ProxySparkUi(
    ICallerAccessor callers, SparkUiAccess access, IKubernetesWorkloads workloads, SparkUiProxy proxy,
    IOptions<ClustersOptions> clusters, IOptions<DataPlaneOptions> dataPlane, IOptions<SparkHistoryOptions> options)
{
    [Function("clusters-spark-ui-proxy")]
    [OpenApiOperation("Spark History Server", "The live Spark UI of a running application, through the control plane",
        Description = "/spark-ui/{appId}/…: needs VIEW on the compute cluster or Spark job that runs it. 409 when the application's " +
                      "driver is not running (its pages are then in /spark-history/history/{appId}/) or without a data plane.")]
    [OpenApiResponse(200)]
    [OpenApiResponse(401)]
    [OpenApiResponse(403)]
    [OpenApiResponse(404)]
    [OpenApiResponse(409)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "spark-ui/{*path}")] HttpRequest request,
        string? path,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        var segments = (path ?? "").Split('/', 2);
        var appId = segments[0];
        if (!SparkAppIds.TryParse(appId, out _, out var resourceId))
            throw new NotFoundException("Spark application", appId);
        await access.RequireAsync(caller, SparkUiAccess.PageKind.Application, appId, ct);
        if (!dataPlane.Value.Configured)
            throw new DataPlaneNotConfiguredException();

        var driver = await FindDriverAsync(appId, resourceId, ct) ?? throw new ConflictException(
            $"Spark application '{appId}' is not running; its pages are in {SparkUiPaths.History}/history/{appId}/.");
        var upstream = new Uri($"http://{driver.Ip}:{options.Value.SparkUiDriverPort.ToString(System.Globalization.CultureInfo.InvariantCulture)}/");
        return await proxy.ForwardAsync(request, upstream, segments.Length > 1 ? segments[1] : "", SparkUiPaths.DriverUiBase(appId), ct);
    }

    // The driver pod carries our resource labels and Spark's spark-role; with several runs of one job, Spark's
    // spark-app-selector label (the application id) tells them apart.
    private async Task<RunningPod?> FindDriverAsync(string appId, string resourceId, CancellationToken ct)
    {
        var selector = $"{ManifestLabels.SparkRole}=driver,{ManifestLabels.ResourceId}={resourceId}";
        var drivers = new List<RunningPod>();
        foreach (var ns in clusters.Value.AllowedNamespaces)
            drivers.AddRange(await workloads.ListRunningPodsAsync(ns, selector, ct));
        return drivers.FirstOrDefault(d => d.Labels.TryGetValue("spark-app-selector", out var id) && id == appId)
            ?? (drivers.Count == 1 ? drivers[0] : null);
    }
}
