using Cronos;
using Iomete.Platform.Errors;

namespace Iomete.Workflows.Schedules;

/// <summary>
/// A validated <see cref="ScheduleSpec"/> that computes fire times (UTC, whole seconds). Cron is evaluated by Cronos in the
/// zone (a time skipped by a spring-forward fires once at the jump, a repeated hour fires once); RRULE by Ical.Net in the zone.
/// </summary>
public abstract class ScheduleCalendar
{
    public const int MaxRruleLength = 6500;
    public const long MaxIntervalSeconds = 366L * 24 * 3600;

    protected ScheduleCalendar(TimeZoneInfo zone) => Zone = zone;

    public TimeZoneInfo Zone { get; }

    /// <summary>The first fire time strictly after <paramref name="after"/>, or null when the schedule never fires again.</summary>
    public abstract DateTimeOffset? Next(DateTimeOffset after);

    /// <summary>Fire times in [<paramref name="from"/>, <paramref name="to"/>), at most <paramref name="max"/> (the first ones).</summary>
    public IReadOnlyList<DateTimeOffset> Between(DateTimeOffset from, DateTimeOffset to, int max)
    {
        var result = new List<DateTimeOffset>();
        var cursor = from.AddTicks(-1);
        while (result.Count < max && Next(cursor) is { } next && next < to)
        {
            result.Add(next);
            cursor = next;
        }
        return result;
    }

    /// <summary>Validates the spec (400 naming the field and why) and compiles it; <paramref name="now"/> anchors an RRULE or interval without one.</summary>
    public static ScheduleCalendar Compile(ScheduleSpec spec, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var zone = ZoneOf(spec.Timezone);
        var given = (spec.Cron is null ? 0 : 1) + (spec.IntervalSeconds is null ? 0 : 1) + (spec.Rrule is null ? 0 : 1);
        if (given != 1)
        {
            throw ValidationException.ForField("cron", "give exactly one of cron, intervalSeconds or rrule");
        }
        if (spec.Cron is { } cron)
        {
            return new CronCalendar(ParseCron(cron), zone);
        }
        var anchor = Truncate(spec.Anchor ?? now);
        if (spec.IntervalSeconds is { } seconds)
        {
            if (seconds is < 1 or > MaxIntervalSeconds)
            {
                throw ValidationException.ForField("intervalSeconds", $"must be between 1 and {MaxIntervalSeconds} seconds");
            }
            return new IntervalCalendar(TimeSpan.FromSeconds(seconds), anchor, zone);
        }
        return RruleCalendar.Parse(spec.Rrule!, anchor, zone);
    }

    public static TimeZoneInfo ZoneOf(string? timezone)
    {
        if (string.IsNullOrWhiteSpace(timezone))
        {
            return TimeZoneInfo.Utc;
        }
        try
        {
            var zone = TimeZoneInfo.FindSystemTimeZoneById(timezone.Trim());
            return zone;
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw ValidationException.ForField("timezone", $"'{timezone}' is not an IANA time zone (e.g. UTC, Europe/Amsterdam, America/New_York)");
        }
    }

    private static CronExpression ParseCron(string cron)
    {
        var text = cron.Trim();
        var fields = text.StartsWith('@') ? 5 : text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        if (fields is not (5 or 6))
        {
            throw ValidationException.ForField("cron", $"has {fields} fields; use 5 (minute hour day-of-month month day-of-week) or 6 (seconds first)");
        }
        try
        {
            return CronExpression.Parse(text, fields == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard);
        }
        catch (CronFormatException e)
        {
            throw ValidationException.ForField("cron", $"is not a valid cron expression: {e.Message}");
        }
    }

    internal static DateTimeOffset Truncate(DateTimeOffset at) =>
        new(at.UtcTicks - at.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero);

    private sealed class CronCalendar(CronExpression expression, TimeZoneInfo zone) : ScheduleCalendar(zone)
    {
        public override DateTimeOffset? Next(DateTimeOffset after) =>
            expression.GetNextOccurrence(after.ToUniversalTime(), Zone, inclusive: false)?.ToUniversalTime();
    }

    /// <summary>Fires every period from the anchor, in elapsed time (a DST change does not move it).</summary>
    private sealed class IntervalCalendar(TimeSpan period, DateTimeOffset anchor, TimeZoneInfo zone) : ScheduleCalendar(zone)
    {
        public override DateTimeOffset? Next(DateTimeOffset after)
        {
            if (after < anchor)
            {
                return anchor;
            }
            var periods = (after - anchor).Ticks / period.Ticks + 1;
            return anchor.AddTicks(periods * period.Ticks);
        }
    }
}
