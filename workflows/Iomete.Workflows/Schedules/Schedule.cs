using Iomete.Workflows.Runs;

namespace Iomete.Workflows.Schedules;

/// <summary>What a schedule runs: one job, or the queries of a SQL schedule.</summary>
public enum ScheduleTargetKind
{
    Job,
    SqlQueries,
}

/// <summary>Fires missed while the platform was down (older than the late threshold): SKIP them, or RUN_ALL (the latest <see cref="Schedule.MaxCatchUp"/>).</summary>
public enum CatchUpPolicy
{
    Skip,
    RunAll,
}

/// <summary>A fire while a run of the schedule is still active: ALLOW another, FORBID (skip the fire), REPLACE (cancel the active run).</summary>
public enum ConcurrencyPolicy
{
    Allow,
    Forbid,
    Replace,
}

public sealed record ScheduleTag(string Key, string Value);

/// <summary>
/// A schedule (a Prefect deployment schedule): when (<see cref="Spec"/>), what (<see cref="Target"/>), and how fires behave.
/// Every change bumps <see cref="Version"/>; the schedule's orchestration instance is derived from it, so an edit, pause or
/// resume replaces the running one.
/// </summary>
public sealed record Schedule
{
    public const int MaxCatchUp = 100;
    public const int DefaultLateAfterSeconds = 15;
    public const string LocalCompute = "local";

    public required string Id { get; init; }
    public required string DomainId { get; init; }
    public required string Name { get; init; }
    public string? Description { get; init; }
    public required ScheduleSpec Spec { get; init; }
    public required ScheduleTarget Target { get; init; }
    public required string ResourceBundleId { get; init; }
    public bool Paused { get; init; }
    public CatchUpPolicy CatchUp { get; init; } = CatchUpPolicy.Skip;
    public ConcurrencyPolicy Concurrency { get; init; } = ConcurrencyPolicy.Allow;
    public int LateAfterSeconds { get; init; } = DefaultLateAfterSeconds;
    public IReadOnlyList<ScheduleTag> Tags { get; init; } = [];
    /// <summary>Set when another resource owns the schedule (<c>spark-job</c>): the schedules API may not change it.</summary>
    public string? ManagedBy { get; init; }
    public required string CreatedBy { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }
    /// <summary>The latest fire time handled (run, skipped or missed); fires after it are still to come.</summary>
    public DateTimeOffset? LastFireAt { get; init; }
    public long Version { get; init; }

    /// <summary>The orchestration instance that fires this version of the schedule.</summary>
    public string InstanceId => ScheduleInstances.InstanceId(Id, Version);

    public static string DedupeKey(string scheduleId, DateTimeOffset fireTime) => $"{scheduleId}@{fireTime.UtcDateTime:O}";

    public RunKind RunKind => Target.Kind == ScheduleTargetKind.Job ? RunKind.Job : RunKind.SqlQueries;
}

/// <summary>A job (with run overrides as JSON object text) or SQL queries with their compute, catalog, database and run-as user.</summary>
public sealed record ScheduleTarget
{
    public required ScheduleTargetKind Kind { get; init; }
    public string? JobId { get; init; }
    public string? Overrides { get; init; }
    public IReadOnlyList<string> Queries { get; init; } = [];
    public string? WorksheetId { get; init; }
    public string Compute { get; init; } = Schedule.LocalCompute;
    public string? Catalog { get; init; }
    public string? Database { get; init; }
    /// <summary>The user (or service account) id runs act as; null for a job: the job's own run-as user.</summary>
    public string? RunAs { get; init; }
}

public static class ScheduleInstances
{
    public const string Prefix = "schedule:";

    public static string InstanceId(string scheduleId, long version) => $"{Prefix}{scheduleId}:{version}";
}
