using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Iomete.Workflows.Maintenance;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Maintenance.Execution;

/// <summary>The orchestration passes on a <c>cancel</c> event: a PENDING run fails at once, a RUNNING one at its executor's next heartbeat.</summary>
public sealed class CancelRunInternal(ICallerAccessor callers, RunExecutor executor)
{
    [Function("maintenance-runs-cancel-internal")]
    [OpenApiOperation("Internal", "Ask a maintenance run to stop (platform only; called by the run's workflow)")]
    [OpenApiResponse(200, typeof(MaintenanceRunProgress))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "internal/v1/maintenance/runs/{id}/cancel")] HttpRequest request,
        string id,
        CancellationToken ct)
    {
        InternalCalls.Require(await callers.RequireAsync(request, ct));
        return ApiResults.Ok(await executor.CancelAsync(id, ct));
    }
}
