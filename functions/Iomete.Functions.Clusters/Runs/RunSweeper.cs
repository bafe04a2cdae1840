using Iomete.Functions.Clusters.DataPlane;
using Iomete.Functions.Clusters.Jobs;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Iomete.Functions.Clusters.Runs;

/// <summary>
/// Periodic run upkeep, every <see cref="SparkJobsOptions.SweepIntervalMs"/>: aborts runs past their
/// <c>maxExecutionDurationSeconds</c> (reason EXECUTION_TIMEOUT) and deletes the SparkApplications of runs that ended more
/// than <see cref="ClustersOptions.FinishedApplicationTtlSeconds"/> ago. Every step is a compare-and-swap, so replicas
/// sweeping at once do no harm.
/// </summary>
public sealed partial class RunSweeper(
    SparkRunStore store,
    RunCancellation cancellation,
    RunTransitions transitions,
    ISparkApplications applications,
    IOptions<SparkJobsOptions> jobs,
    IOptions<ClustersOptions> clusters,
    IOptions<DataPlaneOptions> dataPlane,
    TimeProvider clock,
    ILogger<RunSweeper> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(jobs.Value.SweepIntervalMs), clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await SweepAsync(stoppingToken);
                }
                catch (Exception e) when (!stoppingToken.IsCancellationRequested)
                {
                    LogSweepFailed(logger, e);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>One pass: timeouts, then garbage collection. Returns how many runs were aborted and applications deleted.</summary>
    public async Task<(int Aborted, int Collected)> SweepAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var aborted = 0;
        foreach (var run in await store.OverdueAsync(now.ToUnixTimeMilliseconds(), ct))
        {
            var result = await cancellation.AbortAsync(run, RunStatus.ReasonExecutionTimeout, ct);
            if (result.Reason == RunStatus.ReasonExecutionTimeout)
            {
                aborted++;
            }
        }
        var collected = 0;
        if (dataPlane.Value.Configured)
        {
            var before = now.AddSeconds(-clusters.Value.FinishedApplicationTtlSeconds).ToUnixTimeMilliseconds();
            foreach (var run in await store.CollectableAsync(before, ct))
            {
                await applications.DeleteAsync(run.Namespace, run.Name, ct);
                await transitions.ApplyAsync(run.Id, r => r.AppDeleted ? null : r with { AppDeleted = true }, ct);
                collected++;
            }
        }
        return (aborted, collected);
    }

    [LoggerMessage(EventId = 6205, Level = LogLevel.Error, Message = "The Spark run sweep failed")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);
}
