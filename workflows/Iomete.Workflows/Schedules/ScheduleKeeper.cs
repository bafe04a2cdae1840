using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Iomete.Workflows.Schedules;

/// <summary>
/// Makes sure every active schedule has its orchestration: at start (a backend that lost its state, a schedule created while
/// the worker was down) and every minute after (an instance that failed). A restarted instance continues from the schedule's
/// last handled fire, so the catch-up policy decides about the fires missed meanwhile; dedupe keys stop any double run.
/// </summary>
internal sealed partial class ScheduleKeeper(ScheduleStore schedules, ScheduleRuntime runtime, ILogger<ScheduleKeeper> logger) : BackgroundService
{
    private static readonly TimeSpan Period = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromMilliseconds(200);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(delay, stoppingToken);
                foreach (var schedule in await schedules.ListActiveAsync(stoppingToken))
                {
                    if (await runtime.EnsureAsync(schedule, schedule.LastFireAt ?? schedule.UpdatedAt, stoppingToken))
                    {
                        LogRestarted(logger, schedule.Id, schedule.Version);
                    }
                }
                delay = Period;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The sidecar may not listen yet at start: try again soon.
                LogPassFailed(logger, e);
                delay = TimeSpan.FromSeconds(2);
            }
        }
    }

    [LoggerMessage(EventId = 7302, Level = LogLevel.Information, Message = "Schedule {ScheduleId} v{Version}: orchestration (re)started")]
    private static partial void LogRestarted(ILogger logger, string scheduleId, long version);

    [LoggerMessage(EventId = 7303, Level = LogLevel.Debug, Message = "Schedule keeper pass failed; retrying")]
    private static partial void LogPassFailed(ILogger logger, Exception exception);
}
