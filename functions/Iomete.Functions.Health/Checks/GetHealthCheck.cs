using Iomete.Functions.Health.History;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Health.Checks;

/// <summary>Every component: current status, since when, why, uptime and the 48 hourly bars under the chosen metric.</summary>
public sealed class GetHealthCheck(ICallerAccessor callers, HealthReport report)
{
    public const string MetricDescription = "Outage threshold of the hourly bars: P100 (any failure), P99 (> 36 s failing per hour), P95 (> 3 min), P90 (> 6 min, default), P50 (> 30 min)";

    [Function("health-check-get")]
    [OpenApiOperation("Health check", "Status and 48-hour history of every platform component")]
    [OpenApiQuery("metric", MetricDescription)]
    [OpenApiResponse(200, typeof(HealthCheckView))]
    [OpenApiResponse(400)]
    [OpenApiResponse(403)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/health-check")] HttpRequest request,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        var metric = OutageMetrics.Parse(request.Query["metric"]);
        HealthReaders.Require(caller);
        return ApiResults.Ok(await report.AllAsync(metric, ct));
    }
}
