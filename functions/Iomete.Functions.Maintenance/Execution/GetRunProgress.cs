using Iomete.Functions.Maintenance.Runs;
using Iomete.Platform.Errors;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Iomete.Workflows.Maintenance;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Maintenance.Execution;

/// <summary>The orchestration's poll: the run's state and whether its executor went quiet.</summary>
public sealed class GetRunProgress(ICallerAccessor callers, RunStore runs, RunExecutor executor)
{
    [Function("maintenance-runs-progress")]
    [OpenApiOperation("Internal", "Where a maintenance run stands (platform only; polled by the run's workflow)")]
    [OpenApiResponse(200, typeof(MaintenanceRunProgress))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "internal/v1/maintenance/runs/{id}")] HttpRequest request,
        string id,
        CancellationToken ct)
    {
        InternalCalls.Require(await callers.RequireAsync(request, ct));
        var run = await runs.GetAsync(id, ct) ?? throw new NotFoundException("Maintenance run", id);
        return ApiResults.Ok(executor.Progress(run));
    }
}
