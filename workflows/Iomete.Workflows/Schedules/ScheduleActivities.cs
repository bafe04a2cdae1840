using Iomete.Workflows.Runs;
using Microsoft.DurableTask;

namespace Iomete.Workflows.Schedules;

public sealed record PlanRequest(string ScheduleId, long Version, DateTimeOffset After, DateTime Now);

/// <summary>
/// <see cref="Stop"/> with a reason, or the fires due now (<see cref="Due"/>, oldest first), the cursor after them
/// (<see cref="After"/>, skipped fires included) and the next fire to wait for when none is due.
/// </summary>
public sealed record SchedulePlan(bool Stop, string? Reason, IReadOnlyList<DateTimeOffset> Due, DateTimeOffset After, DateTimeOffset? Next);

/// <summary>Plans the next step of a schedule's orchestration: what is due (after the catch-up policy), or when to wake up.</summary>
[DurableTask(Name)]
public sealed class PlanScheduleActivity(ScheduleStore schedules) : TaskActivity<PlanRequest, SchedulePlan>
{
    public const string Name = "schedule-plan";
    private const int MaxScan = 100_000;

    public override async Task<SchedulePlan> RunAsync(TaskActivityContext context, PlanRequest input)
    {
        var schedule = await schedules.GetAsync(input.ScheduleId, CancellationToken.None);
        if (schedule is null || schedule.Version != input.Version || schedule.Paused)
        {
            var why = schedule is null ? "deleted" : schedule.Paused ? "paused" : $"replaced by version {schedule.Version}";
            return new SchedulePlan(true, $"Schedule {why}", [], input.After, null);
        }
        var now = new DateTimeOffset(DateTime.SpecifyKind(input.Now, DateTimeKind.Utc));
        var calendar = ScheduleCalendar.Compile(schedule.Spec, schedule.CreatedAt);
        var fires = calendar.Between(input.After.AddTicks(1), now.AddTicks(1), MaxScan);
        if (fires.Count == 0)
        {
            var next = calendar.Next(input.After > now ? input.After : now);
            return next is null
                ? new SchedulePlan(true, "The schedule has no fire time left", [], input.After, null)
                : new SchedulePlan(false, null, [], input.After, next);
        }
        var lateBefore = now.AddSeconds(-schedule.LateAfterSeconds);
        var missed = fires.Where(f => f < lateBefore).ToList();
        var due = schedule.CatchUp == CatchUpPolicy.RunAll
            ? fires.TakeLast(Schedule.MaxCatchUp).ToList()
            : fires.Where(f => f >= lateBefore).ToList();
        var skipped = missed.Where(f => !due.Contains(f)).ToList();
        if (skipped.Count > 0)
        {
            await schedules.RecordAsync(schedule.Id, skipped[^1], RunEventLevel.Warning,
                $"{skipped.Count} missed fire(s) from {skipped[0]:O} to {skipped[^1]:O} skipped (catch-up policy {WorkflowRunRow.Upper(schedule.CatchUp)})",
                CancellationToken.None);
            await schedules.AdvanceLastFireAsync(schedule.Id, skipped[^1], CancellationToken.None);
        }
        if (due.Count == 0)
        {
            var next = calendar.Next(now);
            return next is null
                ? new SchedulePlan(true, "The schedule has no fire time left", [], fires[^1], null)
                : new SchedulePlan(false, null, [], fires[^1], next);
        }
        return new SchedulePlan(false, null, due, fires[^1], null);
    }
}

public sealed record FireRequest(string ScheduleId, long Version, DateTimeOffset FireTime);

/// <summary>The run to create for a fire (its id is set by the orchestration), or null when the fire is skipped.</summary>
public sealed record FireDecision(WorkflowRun? Run);

/// <summary>
/// Applies the concurrency policy to a fire: FORBID skips it while a run of the schedule is active (recorded in the schedule's
/// log), REPLACE cancels the active runs. A fire whose run exists already (a replay) goes on to start it.
/// </summary>
[DurableTask(Name)]
public sealed class PrepareFireActivity(ScheduleStore schedules, WorkflowRunStore runs, ScheduleLauncher launcher) : TaskActivity<FireRequest, FireDecision>
{
    public const string Name = "schedule-prepare-fire";

    public override async Task<FireDecision> RunAsync(TaskActivityContext context, FireRequest input)
    {
        var schedule = await schedules.GetAsync(input.ScheduleId, CancellationToken.None);
        if (schedule is null || schedule.Version != input.Version || schedule.Paused)
        {
            return new FireDecision(null);
        }
        var key = Schedule.DedupeKey(schedule.Id, input.FireTime);
        var all = await runs.ActiveAsync(schedule.Id, null, CancellationToken.None);
        // When this fire's run exists already (the activity ran before a crash), its decision was taken then.
        var active = all.Any(r => r.DedupeKey == key) ? [] : all;
        if (active.Count > 0 && schedule.Concurrency == ConcurrencyPolicy.Forbid)
        {
            await schedules.RecordAsync(schedule.Id, input.FireTime, RunEventLevel.Warning,
                $"Fire {input.FireTime:O} skipped: run {active[0].Id} is still {active[0].State.Name()} (concurrency FORBID)", CancellationToken.None);
            await schedules.AdvanceLastFireAsync(schedule.Id, input.FireTime, CancellationToken.None);
            return new FireDecision(null);
        }
        if (active.Count > 0 && schedule.Concurrency == ConcurrencyPolicy.Replace)
        {
            await launcher.CancelAsync(active, $"Replaced by the schedule's fire {input.FireTime:O} (concurrency REPLACE)", CancellationToken.None);
            await schedules.RecordAsync(schedule.Id, input.FireTime, RunEventLevel.Info,
                $"Fire {input.FireTime:O} cancelled {active.Count} active run(s): {string.Join(", ", active.Select(r => r.Id))} (concurrency REPLACE)",
                CancellationToken.None);
        }
        return new FireDecision(launcher.NewRun(schedule, "", RunTrigger.Schedule, input.FireTime, schedule.CreatedBy));
    }
}

/// <summary>Starts a scheduled run's own orchestration (once), marking it LATE first when it starts after its threshold.</summary>
[DurableTask(Name)]
public sealed class StartScheduledRunActivity(WorkflowRunStore runs, ScheduleStore schedules, ScheduleLauncher launcher) : TaskActivity<string, bool>
{
    public const string Name = "schedule-start-run";

    public override async Task<bool> RunAsync(TaskActivityContext context, string input)
    {
        var run = await runs.GetAsync(input, CancellationToken.None);
        if (run?.ScheduleId is null || await schedules.GetAsync(run.ScheduleId, CancellationToken.None) is not { } schedule)
        {
            return false;
        }
        if (run.ScheduledFor is { } fire)
        {
            await schedules.AdvanceLastFireAsync(schedule.Id, fire, CancellationToken.None);
        }
        return await launcher.StartAsync(schedule, run, CancellationToken.None);
    }
}
