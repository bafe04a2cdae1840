using System.ComponentModel.DataAnnotations;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Iomete.Workflows.Maintenance;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Maintenance.Execution;

public sealed record FailRunRequest([property: Required, StringLength(4000, MinimumLength = 1)] string Reason);

/// <summary>The orchestration gives up on a run (its executor could not be reached): FAILED with the reason, unless it executes here.</summary>
public sealed class FailRun(ICallerAccessor callers, RunExecutor executor)
{
    [Function("maintenance-runs-fail")]
    [OpenApiOperation("Internal", "Fail a maintenance run with a reason (platform only; called by the run's workflow)")]
    [OpenApiRequestBody(typeof(FailRunRequest))]
    [OpenApiResponse(200, typeof(MaintenanceRunProgress))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "internal/v1/maintenance/runs/{id}/fail")] HttpRequest request,
        string id,
        CancellationToken ct)
    {
        InternalCalls.Require(await callers.RequireAsync(request, ct));
        var body = await RequestBody.ReadAsync<FailRunRequest>(request, ct);
        return ApiResults.Ok(await executor.FailAsync(id, body.Reason, ct));
    }
}
