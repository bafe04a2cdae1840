using System.Text;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Iomete.Workflows.Metrics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Orchestrator.Metrics;

public sealed class ExportOrchestratorMetrics(ICallerAccessor callers, IAccessControl access, OrchestratorMetrics metrics)
{
    [Function("orchestrator-metrics-prometheus")]
    [OpenApiOperation("Orchestrator", "Prometheus metrics of the job orchestrator (all domains)",
        Description = "Text exposition format 0.0.4, families iomete_orchestrator_*: runs by state, queue depth and oldest wait, lateness, " +
                      "durations, retries. Needs an admin role (COMPUTE_RESOURCES_MANAGER or READ_ONLY_ADMIN) or the platform's internal token.")]
    [OpenApiResponse(200, typeof(string), ContentType = "text/plain")]
    [OpenApiResponse(401)]
    [OpenApiResponse(403)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/orchestrator/metrics")] HttpRequest request,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        access.RequireAdminRole(caller, AdminRole.ComputeResourcesManager, forRead: true);
        return ApiResults.Bytes(Encoding.UTF8.GetBytes(await metrics.WriteAsync(ct)), PrometheusWriter.ContentType);
    }
}
