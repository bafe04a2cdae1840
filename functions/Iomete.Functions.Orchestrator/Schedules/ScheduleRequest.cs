using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Iomete.Workflows.Schedules;

namespace Iomete.Functions.Orchestrator.Schedules;

/// <summary>
/// A schedule to create or replace. When: exactly one of <see cref="Cron"/>, <see cref="IntervalSeconds"/>, <see cref="Rrule"/>.
/// What: <see cref="JobId"/> (a job) or <see cref="Queries"/> / <see cref="WorksheetId"/> (SQL queries).
/// </summary>
public sealed record ScheduleRequest
{
    [Required, StringLength(256, MinimumLength = 1)]
    public string? Name { get; init; }

    [StringLength(4000)]
    public string? Description { get; init; }

    /// <summary>5 fields (minute hour day-of-month month day-of-week) or 6 (seconds first); macros like @daily.</summary>
    [StringLength(256)]
    public string? Cron { get; init; }

    public long? IntervalSeconds { get; init; }

    /// <summary>RFC 5545 RRULE (FREQ=...;...), no COUNT, at most 6,500 characters.</summary>
    public string? Rrule { get; init; }

    /// <summary>Where an interval counts from and an RRULE starts (DTSTART); default: when the schedule is created.</summary>
    public DateTimeOffset? AnchorDate { get; init; }

    /// <summary>IANA time zone; default UTC.</summary>
    [StringLength(64)]
    public string? Timezone { get; init; }

    public string? JobId { get; init; }

    /// <summary>The job's run overrides (arguments, envVars, sparkConf, …) as a JSON object.</summary>
    public JsonElement? Overrides { get; init; }

    public List<string?>? Queries { get; init; }

    /// <summary>A SQL worksheet whose statements become the queries (read once, when the schedule is saved).</summary>
    public string? WorksheetId { get; init; }

    /// <summary>The compute the queries run on; default <c>local</c> (the embedded engine).</summary>
    [StringLength(64)]
    public string? Compute { get; init; }

    [StringLength(255)]
    public string? Catalog { get; init; }

    [StringLength(255)]
    public string? Database { get; init; }

    /// <summary>The user or service account id runs act as; default the caller (another one needs domain manager).</summary>
    [StringLength(128)]
    public string? RunAs { get; init; }

    [Required]
    public string? ResourceBundleId { get; init; }

    public bool? Paused { get; init; }

    public CatchUpPolicy? CatchUp { get; init; }

    public ConcurrencyPolicy? Concurrency { get; init; }

    [Range(0, 86_400)]
    public int? LateAfterSeconds { get; init; }

    public List<ScheduleTag?>? Tags { get; init; }

    /// <summary>On replace: the version that was read; 409 when the schedule changed since.</summary>
    public long? Version { get; init; }
}

/// <summary>A backfill: one run per fire time in [<see cref="From"/>, <see cref="To"/>).</summary>
public sealed record BackfillRequest([property: Required] DateTimeOffset? From = null, [property: Required] DateTimeOffset? To = null);
