using System.Text.Json;
using Iomete.Workflows.Runs;
using Iomete.Workflows.Schedules;

namespace Iomete.Functions.Orchestrator.Schedules;

public enum ScheduleStatus
{
    Active,
    Paused,
}

/// <summary>A recent run of a schedule (the list's activity sparkline).</summary>
public sealed record ScheduleRunSummary(string Id, WorkflowRunState State, RunTrigger Trigger, DateTimeOffset? ScheduledFor, DateTimeOffset CreatedAt);

/// <summary>A schedule as the API shows it, with its next fire time and latest runs.</summary>
public sealed record ScheduleView(
    string Id,
    string Name,
    string? Description,
    string? Cron,
    long? IntervalSeconds,
    string? Rrule,
    DateTimeOffset? AnchorDate,
    string Timezone,
    ScheduleTargetKind TargetType,
    string? JobId,
    JsonElement? Overrides,
    IReadOnlyList<string> Queries,
    string? WorksheetId,
    string? Compute,
    string? Catalog,
    string? Database,
    string? RunAs,
    string ResourceBundleId,
    ScheduleStatus Status,
    CatchUpPolicy CatchUp,
    ConcurrencyPolicy Concurrency,
    int LateAfterSeconds,
    IReadOnlyList<ScheduleTag> Tags,
    string? ManagedBy,
    DateTimeOffset? NextFireAt,
    DateTimeOffset? LastFireAt,
    IReadOnlyList<ScheduleRunSummary> RecentRuns,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    long Version)
{
    public const int RecentRunCount = 10;

    public static ScheduleView From(Schedule s, DateTimeOffset now, IReadOnlyList<WorkflowRun> recent)
    {
        var sql = s.Target.Kind == ScheduleTargetKind.SqlQueries;
        return new ScheduleView(
            s.Id, s.Name, s.Description, s.Spec.Cron, s.Spec.IntervalSeconds, s.Spec.Rrule, s.Spec.Anchor, s.Spec.Timezone,
            s.Target.Kind, s.Target.JobId,
            s.Target.Overrides is { } o ? JsonDocument.Parse(o).RootElement.Clone() : null,
            s.Target.Queries, s.Target.WorksheetId, sql ? s.Target.Compute : null, s.Target.Catalog, s.Target.Database, s.Target.RunAs,
            s.ResourceBundleId, s.Paused ? ScheduleStatus.Paused : ScheduleStatus.Active, s.CatchUp, s.Concurrency, s.LateAfterSeconds,
            s.Tags, s.ManagedBy, s.Paused ? null : NextFire(s, now), s.LastFireAt,
            recent.Select(r => new ScheduleRunSummary(r.Id, r.State, r.Trigger, r.ScheduledFor, r.CreatedAt)).ToList(),
            s.CreatedBy, s.CreatedAt, s.UpdatedAt, s.Version);
    }

    private static DateTimeOffset? NextFire(Schedule s, DateTimeOffset now)
    {
        try
        {
            return ScheduleCalendar.Compile(s.Spec, s.CreatedAt).Next(now);
        }
        catch (Iomete.Platform.Errors.ValidationException)
        {
            // A zone that vanished from this host's tz database: the list must still show the schedule.
            return null;
        }
    }
}

/// <summary>What a backfill did: the runs it created and the fire times that had a run already.</summary>
public sealed record BackfillView(IReadOnlyList<ScheduleRunSummary> Created, IReadOnlyList<DateTimeOffset> AlreadyRun);

/// <summary>Builds views with each schedule's latest runs.</summary>
public sealed class ScheduleViews(WorkflowRunStore runs, TimeProvider clock)
{
    public async Task<ScheduleView> ViewAsync(Schedule schedule, CancellationToken ct)
    {
        var recent = await runs.ListAsync(schedule.DomainId, new WorkflowRunFilter(ScheduleId: schedule.Id),
            new Iomete.Platform.Http.ListQuery(0, ScheduleView.RecentRunCount, "created_ms", true, null), ct);
        return ScheduleView.From(schedule, clock.GetUtcNow(), recent.Items);
    }

    public static ScheduleRunSummary Summary(WorkflowRun r) => new(r.Id, r.State, r.Trigger, r.ScheduledFor, r.CreatedAt);
}
