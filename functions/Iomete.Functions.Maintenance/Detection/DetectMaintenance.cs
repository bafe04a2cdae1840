using Iomete.Functions.Maintenance.Execution;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Maintenance.Detection;

/// <summary>The periodic detection pass (a Dapr cron binding in a cluster, the local scheduler here).</summary>
public sealed class DetectMaintenance(ICallerAccessor callers, MaintenanceDetector detector)
{
    [Function("maintenance-detect")]
    [CronBinding("maintenance-detect", "@every 5m")]
    [OpenApiOperation("Internal", "Detect tables that need maintenance and start runs (platform only)")]
    [OpenApiResponse(200, typeof(DetectionResult))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "internal/v1/maintenance/detect")] HttpRequest request,
        CancellationToken ct)
    {
        InternalCalls.Require(await callers.RequireAsync(request, ct));
        return ApiResults.Ok(await detector.RunAsync(ct));
    }
}
