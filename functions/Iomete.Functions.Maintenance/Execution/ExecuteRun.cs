using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Iomete.Workflows.Maintenance;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Maintenance.Execution;

/// <summary>The orchestration's call: execute the run on this replica (in the background) unless it is executing or has ended.</summary>
public sealed class ExecuteRun(ICallerAccessor callers, RunExecutor executor)
{
    [Function("maintenance-runs-execute")]
    [OpenApiOperation("Internal", "Execute a maintenance run (platform only; called by the run's workflow)")]
    [OpenApiResponse(200, typeof(MaintenanceRunProgress))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "internal/v1/maintenance/runs/{id}/execute")] HttpRequest request,
        string id,
        CancellationToken ct)
    {
        InternalCalls.Require(await callers.RequireAsync(request, ct));
        return ApiResults.Ok(await executor.ExecuteAsync(id, ct));
    }
}
