using Iomete.Functions.Maintenance.Settings;
using Iomete.Platform.Time;
using Iomete.Workflows.Maintenance;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace Iomete.Functions.Maintenance.Runs;

/// <summary>A table by its three names.</summary>
public sealed record TableName(string Catalog, string Database, string Table)
{
    public override string ToString() => $"{Catalog}.{Database}.{Table}";
}

/// <summary>
/// Records a PENDING run (409 when one is active for the table and operation), publishes it, and starts its durable
/// orchestration (instance id = run id). When the orchestration cannot be started the run fails with the reason.
/// </summary>
public sealed class RunStarter(RunStore runs, RunTransitions transitions, RunEvents events, DurableTaskClient workflows, IIdGenerator ids, TimeProvider clock)
{
    public async Task<MaintenanceRun> StartAsync(
        TableName table, MaintenanceOperation operation, MaintenanceTrigger trigger, string? domain, string createdBy, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(table);
        var run = await runs.InsertAsync(new MaintenanceRun
        {
            Id = ids.NewId(),
            Domain = domain,
            Catalog = table.Catalog,
            Database = table.Database,
            Table = table.Table,
            Operation = operation,
            State = MaintenanceRunState.Pending,
            Trigger = trigger,
            CreatedBy = createdBy,
            CreatedAt = clock.GetUtcNow(),
        }, ct);
        await events.PublishAsync(run, null, ct);
        try
        {
            await workflows.ScheduleNewOrchestrationInstanceAsync(
                MaintenanceRunOrchestration.Name, new MaintenanceRunRequest(run.Id), new StartOrchestrationOptions(run.Id), ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return await transitions.MoveAsync(run.Id, new RunMove(MaintenanceRunState.Pending, MaintenanceRunState.Failed,
                $"The run's workflow could not be started: {ex.Message}"), CancellationToken.None) ?? run;
        }
        return run;
    }
}

/// <summary>State changes of runs, each published once it is recorded.</summary>
public sealed class RunTransitions(RunStore runs, RunEvents events)
{
    /// <summary>Moves the run and publishes the change; null when it was not in the expected state.</summary>
    internal async Task<MaintenanceRun?> MoveAsync(string id, RunMove move, CancellationToken ct)
    {
        var moved = await runs.MoveAsync(id, move, ct);
        if (moved is not null)
        {
            await events.PublishAsync(moved, move.From, ct);
        }
        return moved;
    }
}
