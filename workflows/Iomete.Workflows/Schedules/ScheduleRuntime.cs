using Grpc.Core;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace Iomete.Workflows.Schedules;

/// <summary>Starts and stops the orchestration of a schedule's version; the API calls it after every change.</summary>
public sealed class ScheduleRuntime(DurableTaskClient client, TimeProvider clock)
{
    /// <summary>
    /// Makes the orchestration of the schedule's current version run (unless paused) and ends the one of <paramref name="previous"/>.
    /// Fires after <paramref name="after"/> (default now) are the new instance's to make.
    /// </summary>
    public async Task ApplyAsync(Schedule schedule, Schedule? previous, CancellationToken ct, DateTimeOffset? after = null)
    {
        if (previous is not null && previous.InstanceId != schedule.InstanceId)
        {
            await StopAsync(previous, ct);
        }
        if (!schedule.Paused)
        {
            await EnsureAsync(schedule, after ?? clock.GetUtcNow(), ct);
        }
    }

    /// <summary>Starts the schedule's orchestration when it does not exist; false when it did.</summary>
    public async Task<bool> EnsureAsync(Schedule schedule, DateTimeOffset after, CancellationToken ct)
    {
        if (await client.GetInstanceAsync(schedule.InstanceId, getInputsAndOutputs: false, ct) is { } existing
            && existing.RuntimeStatus is not (OrchestrationRuntimeStatus.Completed or OrchestrationRuntimeStatus.Failed or OrchestrationRuntimeStatus.Terminated))
        {
            return false;
        }
        try
        {
            await client.ScheduleNewOrchestrationInstanceAsync(ScheduleOrchestration.Name,
                new ScheduleCursor(schedule.Id, schedule.Version, after), new StartOrchestrationOptions(schedule.InstanceId), ct);
            return true;
        }
        catch (Exception e) when (e is InvalidOperationException or RpcException { StatusCode: StatusCode.AlreadyExists })
        {
            return false;
        }
    }

    public async Task StopAsync(Schedule schedule, CancellationToken ct)
    {
        try
        {
            await client.TerminateInstanceAsync(schedule.InstanceId, "schedule changed", ct);
        }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or RpcException)
        {
            // Not there (never started, ended, or lost with an in-memory backend): its plan step would stop it anyway.
        }
    }
}
