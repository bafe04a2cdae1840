using Iomete.Workflows.Runs;
using Microsoft.DurableTask;

namespace Iomete.Workflows.Schedules;

public sealed record PlanRequest(string ScheduleId, long Version, DateTimeOffset After, DateTime Now);

/// <summary>
/// <see cref="Stop"/> with a reason, or the fires due now (<see cref="Due"/>, oldest first), the cursor after them
/// (<see cref="After"/>, skipped fires included) and the next fire to wait for after them.
/// </summary>
public sealed record SchedulePlan(bool Stop, string? Reason, IReadOnlyList<DateTimeOffset> Due, DateTimeOffset After, DateTimeOffset? Next, int LateAfterSeconds = Schedule.DefaultLateAfterSeconds);

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
        var after = fires.Count > 0 ? fires[^1] : input.After;
        var next = calendar.Next(after > now ? after : now);
        if (next is null && due.Count == 0)
        {
            return new SchedulePlan(true, "The schedule has no fire time left", [], after, null);
        }
        return new SchedulePlan(false, null, due, after, next, schedule.LateAfterSeconds);
    }
}

public sealed record FireRequest(string ScheduleId, long Version, DateTimeOffset FireTime, string RunId);

/// <summary>
/// One fire of a schedule, in one step (each orchestration step is a round trip to the backend, and a fire should start
/// within a second): the concurrency policy (FORBID skips the fire while a run of the schedule is active and logs it,
/// REPLACE cancels the active runs), the run (dedupe key schedule@fire time: a repeated call, a replay or another replica
/// gets the same run back), and the start of its own orchestration (once; LATE first when it starts past the threshold).
/// Returns false when the fire made no run.
/// </summary>
[DurableTask(Name)]
public sealed class FireScheduleActivity(ScheduleStore schedules, WorkflowRunStore runs, ScheduleLauncher launcher) : TaskActivity<FireRequest, bool>
{
    public const string Name = "schedule-fire";

    public override async Task<bool> RunAsync(TaskActivityContext context, FireRequest input)
    {
        var schedule = await schedules.GetAsync(input.ScheduleId, CancellationToken.None);
        if (schedule is null || schedule.Version != input.Version || schedule.Paused)
        {
            return false;
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
            return false;
        }
        if (active.Count > 0 && schedule.Concurrency == ConcurrencyPolicy.Replace)
        {
            await launcher.CancelAsync(active, $"Replaced by the schedule's fire {input.FireTime:O} (concurrency REPLACE)", CancellationToken.None);
            await schedules.RecordAsync(schedule.Id, input.FireTime, RunEventLevel.Info,
                $"Fire {input.FireTime:O} cancelled {active.Count} active run(s): {string.Join(", ", active.Select(r => r.Id))} (concurrency REPLACE)",
                CancellationToken.None);
        }
        var (run, _) = await runs.InsertAsync(launcher.NewRun(schedule, input.RunId, RunTrigger.Schedule, input.FireTime, schedule.CreatedBy), CancellationToken.None);
        await schedules.AdvanceLastFireAsync(schedule.Id, input.FireTime, CancellationToken.None);
        await launcher.StartAsync(schedule, run, CancellationToken.None);
        return true;
    }
}
