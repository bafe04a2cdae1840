using Iomete.Functions.Clusters.Compute;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Iomete.Functions.Clusters.Actors;

/// <summary>Fires due actor reminders every <see cref="ComputeOptions.ReminderPollInterval"/> (the in-process actor runtime's timer).</summary>
internal sealed partial class ReminderPump(
    ActorReminders reminders, IEnumerable<IReminderTarget> targets, IOptions<ComputeOptions> options, TimeProvider clock,
    ILogger<ReminderPump> logger) : BackgroundService
{
    private readonly Dictionary<string, IReminderTarget> byType = targets.ToDictionary(t => t.ActorType, StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.ReminderPollInterval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await FireDueAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    internal async Task FireDueAsync(CancellationToken ct)
    {
        IReadOnlyList<DueReminder> due;
        try
        {
            due = await reminders.ListDueAsync(clock.GetUtcNow(), ct);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            LogPollFailed(logger, e);
            return;
        }
        // Different actors' reminders fire in parallel; each actor's turns keep its own in order.
        await Task.WhenAll(due.Select(r => FireAsync(r, ct)));
    }

    private async Task FireAsync(DueReminder reminder, CancellationToken ct)
    {
        try
        {
            if (!byType.TryGetValue(reminder.ActorType, out var target) || !await reminders.TryTakeAsync(reminder, ct))
            {
                return;
            }
            await target.ReceiveReminderAsync(reminder.ActorId, reminder.Name, ct);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            LogReminderFailed(logger, e, reminder.ActorType, reminder.ActorId, reminder.Name);
        }
    }

    [LoggerMessage(EventId = 6201, Level = LogLevel.Warning, Message = "Reading due actor reminders failed")]
    private static partial void LogPollFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 6202, Level = LogLevel.Error, Message = "Reminder {Name} of actor {ActorType}/{ActorId} failed")]
    private static partial void LogReminderFailed(ILogger logger, Exception exception, string actorType, string actorId, string name);
}
