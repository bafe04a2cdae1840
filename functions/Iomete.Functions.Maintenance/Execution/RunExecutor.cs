using System.Collections.Concurrent;
using Iomete.Functions.Maintenance.Operations;
using Iomete.Functions.Maintenance.Runs;
using Iomete.Platform.Errors;
using Iomete.Workflows.Maintenance;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Iomete.Functions.Maintenance.Execution;

/// <summary>
/// Executes runs on this replica in the background (the orchestration watches them): PENDING → RUNNING, the operation,
/// then COMPLETED or FAILED with the reason, each change published. While it works it reports a heartbeat; a RUNNING run
/// without one for <see cref="MaintenanceOptions.StaleAfterSeconds"/> is stale and may be taken over. A cancel request
/// is noticed at the next heartbeat and stops the operation before its commit.
/// </summary>
public sealed partial class RunExecutor(
    RunStore runs,
    RunTransitions transitions,
    IServiceScopeFactory scopes,
    IHostApplicationLifetime lifetime,
    IOptions<MaintenanceOptions> options,
    TimeProvider clock,
    ILogger<RunExecutor> logger)
{
    public const string CancelledReason = "Cancelled on request";

    private readonly ConcurrentDictionary<string, Task> executing = new(StringComparer.Ordinal);

    /// <summary>Starts the run unless it is executing already or has ended; returns where it stands.</summary>
    public async Task<MaintenanceRunProgress> ExecuteAsync(string id, CancellationToken ct)
    {
        var run = await runs.GetAsync(id, ct) ?? throw new NotFoundException("Maintenance run", id);
        if (!run.IsActive || executing.ContainsKey(id))
        {
            return Progress(run);
        }
        if (run.State == MaintenanceRunState.Pending)
        {
            if (run.CancelRequested)
            {
                return Progress(await transitions.MoveAsync(id, new RunMove(MaintenanceRunState.Pending, MaintenanceRunState.Failed, CancelledReason), ct)
                    ?? await runs.GetAsync(id, ct) ?? run);
            }
            var moved = await transitions.MoveAsync(id, new RunMove(MaintenanceRunState.Pending, MaintenanceRunState.Running), ct);
            if (moved is null)
            {
                return Progress(await runs.GetAsync(id, ct) ?? run);
            }
            run = moved;
        }
        else if (!IsStale(run))
        {
            return Progress(run);
        }
        else
        {
            LogTakeOver(logger, id);
            await runs.HeartbeatAsync(id, ct);
        }
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (executing.TryAdd(id, started.Task))
        {
            _ = Task.Run(() => RunAsync(run, started), CancellationToken.None);
        }
        return Progress(run);
    }

    /// <summary>Where the run stands, with <see cref="MaintenanceRunProgress.Stale"/> when no executor reports for it.</summary>
    public MaintenanceRunProgress Progress(MaintenanceRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return new MaintenanceRunProgress(run.Id, RunRow.Stored(run.State), run.Reason, run.State == MaintenanceRunState.Running && IsStale(run));
    }

    public async Task<MaintenanceRunProgress> CancelAsync(string id, CancellationToken ct)
    {
        var run = await runs.GetAsync(id, ct) ?? throw new NotFoundException("Maintenance run", id);
        if (!run.IsActive)
        {
            return Progress(run);
        }
        await runs.RequestCancelAsync(id, ct);
        if (run.State == MaintenanceRunState.Pending)
        {
            await transitions.MoveAsync(id, new RunMove(MaintenanceRunState.Pending, MaintenanceRunState.Failed, CancelledReason), ct);
        }
        return Progress(await runs.GetAsync(id, ct) ?? run);
    }

    public async Task<MaintenanceRunProgress> FailAsync(string id, string reason, CancellationToken ct)
    {
        var run = await runs.GetAsync(id, ct) ?? throw new NotFoundException("Maintenance run", id);
        if (run.IsActive && !executing.ContainsKey(id))
        {
            await transitions.MoveAsync(id, new RunMove(run.State, MaintenanceRunState.Failed, reason), ct);
        }
        return Progress(await runs.GetAsync(id, ct) ?? run);
    }

    private bool IsStale(MaintenanceRun run) =>
        !executing.ContainsKey(run.Id)
        && (run.HeartbeatAt ?? run.StartedAt ?? run.CreatedAt) < clock.GetUtcNow().AddSeconds(-options.Value.StaleAfterSeconds);

    private async Task RunAsync(MaintenanceRun run, TaskCompletionSource done)
    {
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(lifetime.ApplicationStopping);
        using var heartbeat = new CancellationTokenSource();
        var beats = BeatAsync(run.Id, cancel, heartbeat.Token);
        TableMetrics? before = null;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var runner = scope.ServiceProvider.GetRequiredService<OperationRunner>();
            var outcome = await runner.RunAsync(run, measured =>
            {
                before = measured;
                return Task.CompletedTask;
            }, cancel.Token);
            await transitions.MoveAsync(run.Id, new RunMove(MaintenanceRunState.Running, MaintenanceRunState.Completed,
                Summary: outcome.Summary, Before: outcome.Before, After: outcome.After), CancellationToken.None);
        }
        catch (OperationCanceledException) when (lifetime.ApplicationStopping.IsCancellationRequested)
        {
            // Left RUNNING: without heartbeats it turns stale and the orchestration has it executed again.
        }
        catch (Exception e)
        {
            var reason = e switch
            {
                OperationCanceledException => CancelledReason,
                MaintenanceAbortedException => e.Message,
                _ => $"{e.GetType().Name}: {e.Message}",
            };
            if (e is not MaintenanceAbortedException and not OperationCanceledException)
            {
                LogFailed(logger, e, run.Id);
            }
            await transitions.MoveAsync(run.Id, new RunMove(MaintenanceRunState.Running, MaintenanceRunState.Failed, reason, Before: before), CancellationToken.None);
        }
        finally
        {
            await heartbeat.CancelAsync();
            await beats;
            executing.TryRemove(run.Id, out _);
            done.TrySetResult();
        }
    }

    private async Task BeatAsync(string id, CancellationTokenSource cancel, CancellationToken stop)
    {
        try
        {
            using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.HeartbeatSeconds), clock);
            while (await timer.WaitForNextTickAsync(stop))
            {
                if (await runs.HeartbeatAsync(id, stop))
                {
                    await cancel.CancelAsync();
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The run ended.
        }
        catch (Exception e)
        {
            LogHeartbeatFailed(logger, e, id);
        }
    }

    [LoggerMessage(EventId = 9101, Level = LogLevel.Information, Message = "Taking over stale maintenance run {RunId}")]
    private static partial void LogTakeOver(ILogger logger, string runId);

    [LoggerMessage(EventId = 9102, Level = LogLevel.Warning, Message = "Maintenance run {RunId} failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, string runId);

    [LoggerMessage(EventId = 9103, Level = LogLevel.Warning, Message = "Heartbeat of maintenance run {RunId} failed; it may be taken over")]
    private static partial void LogHeartbeatFailed(ILogger logger, Exception exception, string runId);
}
