using Iomete.Functions.Health.History;
using Iomete.Functions.Health.Monitoring;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Health.Checks;

/// <summary>The console's Refresh button: probes every component now (after a round in progress) and answers the new view.</summary>
public sealed class RefreshHealthCheck(ICallerAccessor callers, HealthMonitor monitor, HealthReport report)
{
    [Function("health-check-refresh")]
    [OpenApiOperation("Health check", "Probe every component now")]
    [OpenApiQuery("metric", GetHealthCheck.MetricDescription)]
    [OpenApiResponse(200, typeof(HealthCheckView))]
    [OpenApiResponse(400)]
    [OpenApiResponse(403)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/health-check/refresh")] HttpRequest request,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        var metric = OutageMetrics.Parse(request.Query["metric"]);
        HealthReaders.Require(caller);
        await monitor.RunNowAsync(ct);
        return ApiResults.Ok(await report.AllAsync(metric, ct));
    }
}
