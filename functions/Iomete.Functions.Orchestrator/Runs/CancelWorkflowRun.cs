using System.ComponentModel.DataAnnotations;
using Iomete.Platform.Errors;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Iomete.Workflows.Runs;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;

namespace Iomete.Functions.Orchestrator.Runs;

public sealed record CancelRunRequest([property: StringLength(1000)] string? Reason = null);

/// <summary>
/// Cancels a run (RUN on its schedule, pipeline or job): it moves to CANCELLING at once and its orchestration carries the
/// cancel out — leaving the queue, stopping what it submitted, skipping what is left — ending CANCELLED. Cancelling a run that
/// is already CANCELLING answers it again; one that has ended is a 409.
/// </summary>
public sealed class CancelWorkflowRun(ICallerAccessor callers, RunAccess access, WorkflowRunStore runs, DurableTaskClient durable, TimeProvider clock)
{
    [Function("orchestrator-workflow-runs-cancel")]
    [OpenApiOperation("Workflow runs", "Cancel a workflow run")]
    [OpenApiRequestBody(typeof(CancelRunRequest))]
    [OpenApiResponse(202, typeof(WorkflowRunView))]
    [OpenApiResponse(403)]
    [OpenApiResponse(404)]
    [OpenApiResponse(409)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/domains/{domain}/workflow-runs/{id}/cancel")] HttpRequest request,
        string domain,
        string id,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        var body = request.ContentLength is null or 0 && !request.Headers.ContainsKey("Transfer-Encoding")
            ? new CancelRunRequest()
            : await RequestBody.ReadAsync<CancelRunRequest>(request, ct);
        await access.RequireDomainAsync(caller, domain, ct);
        var run = await runs.RequireAsync(domain, id, ct);
        await access.RequireAsync(caller, run, RunAccess.Run, ct);
        var reason = $"Cancelled by {caller.Username}" + (body.Reason is { Length: > 0 } r ? $": {r}" : "");
        if (run.State != WorkflowRunState.Cancelling)
        {
            run = await runs.UpdateAsync(id, current => current.State.IsTerminal() || current.State == WorkflowRunState.Cancelling
                    ? null
                    : current with { State = WorkflowRunState.Cancelling, StateMessage = reason }, ct)
                ?? await runs.RequireAsync(domain, id, ct);
            if (run.State.IsTerminal())
            {
                throw new ConflictException($"Run '{id}' has already ended ({run.State.Name()}).");
            }
        }
        if (await durable.GetInstanceAsync(id, getInputsAndOutputs: false, ct) is { IsRunning: true } or { RuntimeStatus: OrchestrationRuntimeStatus.Pending })
        {
            await durable.RaiseEventAsync(id, WorkflowEvents.Cancel, reason, ct);
        }
        else
        {
            // Nothing runs it (it never started, or its orchestration is gone): the cancel is complete here.
            run = await runs.MoveAsync(id, WorkflowRunState.Cancelled, reason, ct) ?? run;
        }
        return ApiResults.Accepted(WorkflowRunView.From(run, clock.GetUtcNow()));
    }
}
