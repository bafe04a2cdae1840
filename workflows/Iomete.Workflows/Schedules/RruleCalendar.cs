using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Evaluation;
using Iomete.Platform.Errors;

namespace Iomete.Workflows.Schedules;

/// <summary>
/// An RFC 5545 RRULE evaluated by Ical.Net with DTSTART at the anchor in the schedule's zone. COUNT is refused (as Prefect
/// does): a schedule that is edited or restarted cannot know how many times it fired. Ical.Net walks from DTSTART, so
/// DTSTART is moved forward by whole periods of the rule (keeping its phase) close to the asked time before evaluating.
/// </summary>
internal sealed class RruleCalendar : ScheduleCalendar
{
    private static readonly EvaluationOptions Options = new() { MaxUnmatchedIncrementsLimit = 100_000 };
    private readonly string rule;
    private readonly RecurrencePattern pattern;
    private readonly DateTime localStart;

    private RruleCalendar(string rule, RecurrencePattern pattern, DateTime localStart, TimeZoneInfo zone) : base(zone)
    {
        this.rule = rule;
        this.pattern = pattern;
        this.localStart = localStart;
    }

    public static RruleCalendar Parse(string text, DateTimeOffset anchor, TimeZoneInfo zone)
    {
        var rule = text.Trim();
        if (rule.Length > MaxRruleLength)
        {
            throw ValidationException.ForField("rrule", $"is longer than {MaxRruleLength} characters");
        }
        if (rule.StartsWith("RRULE:", StringComparison.OrdinalIgnoreCase))
        {
            rule = rule[6..];
        }
        if (rule.Contains('\n', StringComparison.Ordinal) || rule.Contains("DTSTART", StringComparison.OrdinalIgnoreCase))
        {
            throw ValidationException.ForField("rrule", "must be one RRULE (FREQ=...;...); the start is anchorDate");
        }
        RecurrencePattern pattern;
        try
        {
            pattern = new RecurrencePattern(rule);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidOperationException)
        {
            throw ValidationException.ForField("rrule", $"is not a valid RFC 5545 recurrence rule: {e.Message}");
        }
        if (pattern.Count is not null)
        {
            throw ValidationException.ForField("rrule", "COUNT is not supported; use UNTIL to end a schedule");
        }
        var local = TimeZoneInfo.ConvertTime(anchor, zone).DateTime;
        var calendar = new RruleCalendar(rule, pattern, DateTime.SpecifyKind(local, DateTimeKind.Unspecified), zone);
        try
        {
            _ = calendar.Next(anchor);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or EvaluationLimitExceededException)
        {
            throw ValidationException.ForField("rrule", $"cannot be evaluated: {e.Message}");
        }
        return calendar;
    }

    public override DateTimeOffset? Next(DateTimeOffset after)
    {
        // Evaluated in floating local time and mapped to UTC here: Ical.Net shifts every occurrence of a spring-forward day
        // by the gap; RFC 5545 only moves the nonexistent ones.
        var component = new CalendarEvent { DtStart = new CalDateTime(Rebase(after), (string?)null) };
#pragma warning disable CS0618 // The single-rule property takes another type; one pattern in the list is the same rule.
        component.RecurrenceRules.Add(new RecurrencePattern(rule));
#pragma warning restore CS0618
        var localAfter = TimeZoneInfo.ConvertTime(after, Zone).DateTime;
        var from = new CalDateTime(DateTime.SpecifyKind(localAfter.AddDays(-1), DateTimeKind.Unspecified), (string?)null);
        foreach (var occurrence in component.GetOccurrences(from, Options))
        {
            var at = ToUtc(occurrence.Period.StartTime.Value);
            if (at > after)
            {
                return at;
            }
        }
        return null;
    }

    /// <summary>A local time as UTC: a nonexistent time (spring-forward gap) with the offset before the gap, a repeated one at its first instant.</summary>
    private DateTimeOffset ToUtc(DateTime local)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        var offset = Zone.IsInvalidTime(local) ? Zone.GetUtcOffset(local.AddHours(-3))
            : Zone.IsAmbiguousTime(local) ? Zone.GetAmbiguousTimeOffsets(local).Max()
            : Zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }

    /// <summary>DTSTART moved forward by whole rule periods to at most a period (plus a day for DST) before <paramref name="after"/>.</summary>
    private DateTime Rebase(DateTimeOffset after)
    {
        var interval = Math.Max(1, pattern.Interval);
        var localAfter = TimeZoneInfo.ConvertTime(after, Zone).DateTime;
        var step = pattern.Frequency switch
        {
            FrequencyType.Secondly => TimeSpan.FromSeconds(interval),
            FrequencyType.Minutely => TimeSpan.FromMinutes(interval),
            FrequencyType.Hourly => TimeSpan.FromHours(interval),
            FrequencyType.Daily => TimeSpan.FromDays(interval),
            FrequencyType.Weekly => TimeSpan.FromDays(7L * interval),
            _ => TimeSpan.Zero,
        };
        var gap = localAfter - localStart - TimeSpan.FromDays(2);
        if (step == TimeSpan.Zero || gap <= step)
        {
            return localStart;
        }
        return localStart.AddTicks(gap.Ticks / step.Ticks * step.Ticks);
    }
}
