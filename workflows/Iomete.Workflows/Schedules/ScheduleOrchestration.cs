using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace Iomete.Workflows.Schedules;

/// <summary>Where a schedule's orchestration stands: fires strictly after <see cref="After"/> are still to come.</summary>
public sealed record ScheduleCursor(string ScheduleId, long Version, DateTimeOffset After);

/// <summary>
/// One eternal orchestration per schedule version (instance <see cref="ScheduleInstances.InstanceId"/>): plan (activity: the
/// fires due after the cursor, after the catch-up policy, and the next one) → fire the due ones → durable timer to the next
/// fire → fire it (one activity: concurrency, the run with dedupe key schedule@fire time, so a replay, a restart or a second
/// replica can never make a second run of it, and the start of its own orchestration) → ContinueAsNew.
/// It ends when the schedule is paused, edited (a new version has its own instance), deleted, or has no fire left.
/// </summary>
[DurableTask(Name)]
public sealed partial class ScheduleOrchestration : TaskOrchestrator<ScheduleCursor, string>
{
    public const string Name = "schedule";
    private static readonly TimeSpan RetryAfterFailure = TimeSpan.FromSeconds(30);
    private static readonly TaskOptions Retried = TaskOptions.FromRetryPolicy(new RetryPolicy(
        maxNumberOfAttempts: 6, firstRetryInterval: TimeSpan.FromSeconds(1), backoffCoefficient: 2, maxRetryInterval: TimeSpan.FromSeconds(30)));

    public override async Task<string> RunAsync(TaskOrchestrationContext context, ScheduleCursor input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        try
        {
            var plan = await context.CallActivityAsync<SchedulePlan>(PlanScheduleActivity.Name,
                new PlanRequest(input.ScheduleId, input.Version, input.After, context.CurrentUtcDateTime), Retried);
            if (plan.Stop)
            {
                return plan.Reason ?? "stopped";
            }
            foreach (var fire in plan.Due)
            {
                await FireAsync(context, input, fire);
            }
            if (plan.Next is not { } next)
            {
                return "The schedule has no fire time left";
            }
            await context.CreateTimer(next.UtcDateTime, CancellationToken.None);
            if (context.CurrentUtcDateTime - next.UtcDateTime <= TimeSpan.FromSeconds(plan.LateAfterSeconds))
            {
                // On time: fire at once, without a planning round trip first.
                await FireAsync(context, input, next);
                context.ContinueAsNew(input with { After = next });
            }
            else
            {
                // The host was down past the fire: the next plan applies the catch-up policy to it and whatever else was missed.
                context.ContinueAsNew(input with { After = plan.After });
            }
            return "";
        }
        catch (TaskFailedException e)
        {
            // The database or a service failed for longer than the retries: try again later instead of ending the schedule.
            LogFailed(context.CreateReplaySafeLogger<ScheduleOrchestration>(), e, input.ScheduleId);
            await context.CreateTimer(RetryAfterFailure, CancellationToken.None);
            context.ContinueAsNew(input);
            return "";
        }
    }

    private static Task<bool> FireAsync(TaskOrchestrationContext context, ScheduleCursor input, DateTimeOffset fire) =>
        context.CallActivityAsync<bool>(FireScheduleActivity.Name,
            new FireRequest(input.ScheduleId, input.Version, fire, context.NewGuid().ToString()), Retried);

    [LoggerMessage(EventId = 7301, Level = LogLevel.Warning, Message = "Schedule {ScheduleId} failed a step; retrying in 30 s")]
    private static partial void LogFailed(ILogger logger, Exception exception, string scheduleId);
}
