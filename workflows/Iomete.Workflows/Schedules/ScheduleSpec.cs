namespace Iomete.Workflows.Schedules;

/// <summary>
/// When a schedule fires: exactly one of <see cref="Cron"/> (5 fields, or 6 with seconds first), <see cref="IntervalSeconds"/>
/// (from <see cref="Anchor"/>) or <see cref="Rrule"/> (RFC 5545, DTSTART = <see cref="Anchor"/>), in the IANA <see cref="Timezone"/>.
/// </summary>
public sealed record ScheduleSpec
{
    public string? Cron { get; init; }
    public long? IntervalSeconds { get; init; }
    public string? Rrule { get; init; }
    /// <summary>Where an interval counts from and an RRULE starts (its DTSTART); a cron ignores it.</summary>
    public DateTimeOffset? Anchor { get; init; }
    public string Timezone { get; init; } = "UTC";
}
