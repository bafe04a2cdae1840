using System.Globalization;
using Iomete.DataSecurity.Model;

namespace Iomete.DataSecurity.Engine;

/// <summary>
/// A policy's validity schedules: times are <c>yyyy/MM/dd HH:mm:ss</c> in the schedule's time zone (UTC when absent or
/// unknown); a policy with several schedules applies when any of them contains the access time; none = always.
/// Recurrences are not evaluated (a schedule with recurrences applies over its whole start–end window).
/// </summary>
internal sealed class ValidityWindows
{
    private const string Format = "yyyy/MM/dd HH:mm:ss";
    private readonly (DateTimeOffset? Start, DateTimeOffset? End)[] _windows;

    public ValidityWindows(IReadOnlyList<RangerValiditySchedule> schedules) =>
        _windows = schedules.Select(s => (Parse(s.StartTime, s.TimeZone), Parse(s.EndTime, s.TimeZone))).ToArray();

    public bool IsAlways => _windows.Length == 0;

    public bool IsApplicable(DateTimeOffset at)
    {
        if (_windows.Length == 0)
        {
            return true;
        }
        foreach (var (start, end) in _windows)
        {
            if ((start is null || at >= start) && (end is null || at < end))
            {
                return true;
            }
        }
        return false;
    }

    private static DateTimeOffset? Parse(string? value, string? timeZone)
    {
        if (string.IsNullOrWhiteSpace(value)
            || !DateTime.TryParseExact(value.Trim(), Format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return null;
        }
        var zone = FindZone(timeZone);
        var offset = zone.GetUtcOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified));
        return new DateTimeOffset(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), offset);
    }

    private static TimeZoneInfo FindZone(string? id)
    {
        if (string.IsNullOrWhiteSpace(id) || id is "UTC" or "GMT" or "Z")
        {
            return TimeZoneInfo.Utc;
        }
        return TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;
    }
}
