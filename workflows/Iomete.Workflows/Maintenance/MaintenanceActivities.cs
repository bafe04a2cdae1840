using Microsoft.DurableTask;

namespace Iomete.Workflows.Maintenance;

/// <summary>Asks the maintenance service to execute the run (idempotent: a run already executing or ended is left alone).</summary>
[DurableTask(Name)]
public sealed class ExecuteMaintenanceRunActivity(MaintenanceServiceClient service) : TaskActivity<string, MaintenanceRunProgress>
{
    public const string Name = "maintenance-run-execute";

    public override Task<MaintenanceRunProgress> RunAsync(TaskActivityContext context, string input) =>
        service.PostAsync(MaintenanceRoutes.Execute(input), null, CancellationToken.None);
}

public sealed record AwaitMaintenanceRun(string RunId, int MaxWaitMs);

/// <summary>Polls the run until it ends, turns stale, or <see cref="AwaitMaintenanceRun.MaxWaitMs"/> passes (the orchestration then asks again, racing a cancel).</summary>
[DurableTask(Name)]
public sealed class AwaitMaintenanceRunActivity(MaintenanceServiceClient service, TimeProvider clock) : TaskActivity<AwaitMaintenanceRun, MaintenanceRunProgress>
{
    public const string Name = "maintenance-run-await";
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);

    public override async Task<MaintenanceRunProgress> RunAsync(TaskActivityContext context, AwaitMaintenanceRun input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var until = clock.GetUtcNow().AddMilliseconds(input.MaxWaitMs);
        while (true)
        {
            var progress = await service.GetAsync(MaintenanceRoutes.Run(input.RunId), CancellationToken.None);
            if (progress.IsTerminal || progress.Stale || clock.GetUtcNow() >= until)
            {
                return progress;
            }
            await Task.Delay(PollInterval, clock, CancellationToken.None);
        }
    }
}

/// <summary>Asks the maintenance service to stop the run (a PENDING run fails at once, a RUNNING one at its next step).</summary>
[DurableTask(Name)]
public sealed class CancelMaintenanceRunActivity(MaintenanceServiceClient service) : TaskActivity<string, MaintenanceRunProgress>
{
    public const string Name = "maintenance-run-cancel";

    public override Task<MaintenanceRunProgress> RunAsync(TaskActivityContext context, string input) =>
        service.PostAsync(MaintenanceRoutes.Cancel(input), null, CancellationToken.None);
}

/// <summary>Fails the run with a reason (when the orchestration cannot get it executed).</summary>
[DurableTask(Name)]
public sealed class FailMaintenanceRunActivity(MaintenanceServiceClient service) : TaskActivity<MaintenanceRunFailure, MaintenanceRunProgress>
{
    public const string Name = "maintenance-run-fail";

    public override Task<MaintenanceRunProgress> RunAsync(TaskActivityContext context, MaintenanceRunFailure input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return service.PostAsync(MaintenanceRoutes.Fail(input.RunId), new { reason = input.Reason }, CancellationToken.None);
    }
}
