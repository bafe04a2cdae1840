using Iomete.Functions.Health.History;
using Iomete.Platform.Errors;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Health.Checks;

/// <summary>One component's status and 48-hour history.</summary>
public sealed class GetComponentHealth(ICallerAccessor callers, HealthReport report)
{
    [Function("health-check-component-get")]
    [OpenApiOperation("Health check", "Status and 48-hour history of one component")]
    [OpenApiQuery("metric", GetHealthCheck.MetricDescription)]
    [OpenApiResponse(200, typeof(ComponentHealthView))]
    [OpenApiResponse(400)]
    [OpenApiResponse(403)]
    [OpenApiResponse(404)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/health-check/{component}")] HttpRequest request,
        string component,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        var metric = OutageMetrics.Parse(request.Query["metric"]);
        HealthReaders.Require(caller);
        var view = await report.OneAsync(Uri.UnescapeDataString(component), metric, ct)
                   ?? throw new NotFoundException("Health component", component);
        return ApiResults.Ok(view);
    }
}
