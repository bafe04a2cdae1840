using Iomete.Workflows.Runs;
using Microsoft.DurableTask;

namespace Iomete.Workflows.Maintenance;

/// <summary>
/// Drives one maintenance run: asks the maintenance service to execute it (the service moves it RUNNING and does the work
/// on its own replica), then watches it until it is COMPLETED or FAILED. A run whose executor stopped reporting (the replica
/// died) is executed again; the operations are safe to repeat (every commit is compare-and-swap on fresh metadata). A
/// <see cref="WorkflowEvents.Cancel"/> event asks the service to stop the run; an executor that cannot be reached fails it.
/// </summary>
[DurableTask(Name)]
public sealed class MaintenanceRunOrchestration : TaskOrchestrator<MaintenanceRunRequest, string>
{
    public const string Name = "maintenance-run";
    private const int PollSliceMs = 10_000;
    private const int MaxRestarts = 3;
    private static readonly TaskOptions Retried = TaskOptions.FromRetryPolicy(new RetryPolicy(
        maxNumberOfAttempts: 5, firstRetryInterval: TimeSpan.FromSeconds(1), backoffCoefficient: 2, maxRetryInterval: TimeSpan.FromSeconds(15)));

    public override async Task<string> RunAsync(TaskOrchestrationContext context, MaintenanceRunRequest input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        var cancel = context.WaitForExternalEvent<string>(WorkflowEvents.Cancel);
        MaintenanceRunProgress progress;
        try
        {
            progress = await context.CallActivityAsync<MaintenanceRunProgress>(ExecuteMaintenanceRunActivity.Name, input.RunId, Retried);
            var restarts = 0;
            var cancelSent = false;
            while (!progress.IsTerminal)
            {
                if (cancel.IsCompleted && !cancelSent)
                {
                    cancelSent = true;
                    progress = await context.CallActivityAsync<MaintenanceRunProgress>(CancelMaintenanceRunActivity.Name, input.RunId, Retried);
                    continue;
                }
                var poll = context.CallActivityAsync<MaintenanceRunProgress>(AwaitMaintenanceRunActivity.Name, new AwaitMaintenanceRun(input.RunId, PollSliceMs), Retried);
                if (!cancelSent && await Task.WhenAny(poll, cancel) == cancel)
                {
                    await poll;
                    continue;
                }
                progress = await poll;
                if (progress.Stale && !progress.IsTerminal)
                {
                    progress = ++restarts > MaxRestarts
                        ? await FailAsync(context, input.RunId, $"The run's executor stopped reporting {restarts} times; giving up")
                        : await context.CallActivityAsync<MaintenanceRunProgress>(ExecuteMaintenanceRunActivity.Name, input.RunId, Retried);
                }
            }
        }
        catch (TaskFailedException e)
        {
            progress = await FailAsync(context, input.RunId, $"The maintenance service could not be reached: {e.FailureDetails.ErrorMessage}");
        }
        return progress.State;
    }

    private static Task<MaintenanceRunProgress> FailAsync(TaskOrchestrationContext context, string runId, string reason) =>
        context.CallActivityAsync<MaintenanceRunProgress>(FailMaintenanceRunActivity.Name, new MaintenanceRunFailure(runId, reason), Retried);
}
