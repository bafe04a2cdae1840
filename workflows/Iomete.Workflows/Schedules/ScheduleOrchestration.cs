using Microsoft.DurableTask;
using Microsoft.Extensions.Logging;

namespace Iomete.Workflows.Schedules;

/// <summary>Where a schedule's orchestration stands: fires strictly after <see cref="After"/> are still to come.</summary>
public sealed record ScheduleCursor(string ScheduleId, long Version, DateTimeOffset After);

/// <summary>
/// One eternal orchestration per schedule version (instance <see cref="ScheduleInstances.InstanceId"/>): plan (activity) →
/// durable timer to the next fire → per due fire: decide concurrency, create the run (dedupe key = schedule@fire time, so a
/// replay, a restart or a second replica can never make a second run of it), start it as its own orchestration → ContinueAsNew.
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
        SchedulePlan plan;
        try
        {
            plan = await context.CallActivityAsync<SchedulePlan>(PlanScheduleActivity.Name,
                new PlanRequest(input.ScheduleId, input.Version, input.After, context.CurrentUtcDateTime), Retried);
            if (plan.Stop)
            {
                return plan.Reason ?? "stopped";
            }
            if (plan.Due.Count == 0)
            {
                await context.CreateTimer(plan.Next!.Value.UtcDateTime, CancellationToken.None);
                context.ContinueAsNew(input with { After = plan.After });
                return "";
            }
            foreach (var fire in plan.Due)
            {
                await FireAsync(context, input, fire);
            }
        }
        catch (TaskFailedException e)
        {
            // The database or a service failed for longer than the retries: try again later instead of ending the schedule.
            LogFailed(context.CreateReplaySafeLogger<ScheduleOrchestration>(), e, input.ScheduleId);
            await context.CreateTimer(RetryAfterFailure, CancellationToken.None);
            context.ContinueAsNew(input);
            return "";
        }
        context.ContinueAsNew(input with { After = plan.After });
        return "";
    }

    private static async Task FireAsync(TaskOrchestrationContext context, ScheduleCursor input, DateTimeOffset fire)
    {
        var decision = await context.CallActivityAsync<FireDecision>(PrepareFireActivity.Name,
            new FireRequest(input.ScheduleId, input.Version, fire), Retried);
        if (decision.Run is not { } template)
        {
            return;
        }
        var run = await context.CallActivityAsync<Runs.WorkflowRun>(Runs.CreateRunActivity.Name,
            template with { Id = context.NewGuid().ToString() }, Retried);
        await context.CallActivityAsync<bool>(StartScheduledRunActivity.Name, run.Id, Retried);
    }

    [LoggerMessage(EventId = 7301, Level = LogLevel.Warning, Message = "Schedule {ScheduleId} failed a step; retrying in 30 s")]
    private static partial void LogFailed(ILogger logger, Exception exception, string scheduleId);
}
