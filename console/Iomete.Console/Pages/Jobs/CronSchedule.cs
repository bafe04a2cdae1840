namespace Iomete.Console.Pages.Jobs;

/// <summary>
/// A cron expression as the schedules API takes it (5 fields, or 6 with seconds first; <c>@daily</c>-style macros), parsed
/// in the browser to validate as the user types and to preview the next fire times. The platform validates again on save.
/// </summary>
public sealed class CronSchedule
{
    private static readonly string[] Months = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
    private static readonly string[] Days = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

    private readonly bool[] seconds = new bool[60];
    private readonly bool[] minutes = new bool[60];
    private readonly bool[] hours = new bool[24];
    private readonly bool[] daysOfMonth = new bool[32];
    private readonly bool[] months = new bool[13];
    private readonly bool[] daysOfWeek = new bool[7];
    private bool domRestricted;
    private bool dowRestricted;

    private CronSchedule()
    {
    }

    /// <summary>Parses <paramref name="text"/>; on failure <paramref name="error"/> says what is wrong, as a field message.</summary>
    public static bool TryParse(string? text, out CronSchedule? schedule, out string? error)
    {
        schedule = null;
        var value = (text ?? "").Trim();
        if (value.Length == 0)
        {
            error = "is required";
            return false;
        }
        value = Macro(value) ?? value;
        if (value.StartsWith('@'))
        {
            error = $"'{value}' is not a known macro (@yearly, @monthly, @weekly, @daily, @hourly)";
            return false;
        }
        var fields = value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (fields.Length is not (5 or 6))
        {
            error = $"has {fields.Length} fields; use 5 (minute hour day-of-month month day-of-week) or 6 (seconds first)";
            return false;
        }
        var s = new CronSchedule();
        var offset = fields.Length == 6 ? 1 : 0;
        if (offset == 0)
        {
            s.seconds[0] = true;
        }
        error = (offset == 1 ? Field(fields[0], "seconds", 0, 59, null, s.seconds, out _) : null)
                ?? Field(fields[offset], "minute", 0, 59, null, s.minutes, out _)
                ?? Field(fields[offset + 1], "hour", 0, 23, null, s.hours, out _)
                ?? Field(fields[offset + 2], "day of month", 1, 31, null, s.daysOfMonth, out s.domRestricted)
                ?? Field(fields[offset + 3], "month", 1, 12, Months, s.months, out _)
                ?? DayOfWeek(fields[offset + 4], s);
        if (error is not null)
        {
            return false;
        }
        schedule = s;
        return true;
    }

    /// <summary>The next <paramref name="count"/> fire times after <paramref name="after"/>, evaluated in <paramref name="zone"/>.</summary>
    public IReadOnlyList<DateTimeOffset> Next(DateTimeOffset after, int count, TimeZoneInfo zone)
    {
        var result = new List<DateTimeOffset>();
        var startLocal = TimeZoneInfo.ConvertTime(after, zone).DateTime;
        for (var day = startLocal.Date; result.Count < count && day < startLocal.Date.AddYears(5); day = day.AddDays(1))
        {
            if (!months[day.Month] || !DayMatches(day))
            {
                continue;
            }
            for (var h = 0; h < 24 && result.Count < count; h++)
            {
                for (var m = 0; h < 24 && hours[h] && m < 60 && result.Count < count; m++)
                {
                    for (var sec = 0; minutes[m] && sec < 60 && result.Count < count; sec++)
                    {
                        var local = day.AddHours(h).AddMinutes(m).AddSeconds(sec);
                        if (!seconds[sec] || local <= startLocal || zone.IsInvalidTime(local))
                        {
                            continue;
                        }
                        result.Add(new DateTimeOffset(local, zone.GetUtcOffset(local)));
                    }
                }
            }
        }
        return result;
    }

    private bool DayMatches(DateTime day)
    {
        var dom = daysOfMonth[day.Day];
        var dow = daysOfWeek[(int)day.DayOfWeek];
        // Vixie cron: when both day fields are restricted, either may match.
        return domRestricted && dowRestricted ? dom || dow : dom && dow;
    }

    private static string? DayOfWeek(string field, CronSchedule s)
    {
        var days = new bool[8];
        var error = Field(field, "day of week", 0, 7, Days, days, out s.dowRestricted);
        for (var i = 0; i < 7; i++)
        {
            s.daysOfWeek[i] = days[i];
        }
        s.daysOfWeek[0] |= days[7];
        return error;
    }

    private static string? Macro(string value) => value.ToLowerInvariant() switch
    {
        "@yearly" or "@annually" => "0 0 1 1 *",
        "@monthly" => "0 0 1 * *",
        "@weekly" => "0 0 * * 0",
        "@daily" or "@midnight" => "0 0 * * *",
        "@hourly" => "0 * * * *",
        _ => null,
    };

    private static string? Field(string field, string name, int min, int max, string[]? names, bool[] set, out bool restricted)
    {
        restricted = field is not ("*" or "?");
        foreach (var part in field.Split(','))
        {
            var (range, step) = part.Split('/') switch
            {
                [var r] => (r, "1"),
                [var r, var st] => (r, st),
                _ => ("", ""),
            };
            if (!int.TryParse(step, out var every) || every < 1)
            {
                return $"has an invalid step in the {name} field ('{part}')";
            }
            int lo, hi;
            if (range is "*" or "?")
            {
                (lo, hi) = (min, max);
            }
            else if (range.Split('-') is [var a, var b])
            {
                if (Value(a, min, names) is not { } x || Value(b, min, names) is not { } y)
                {
                    return $"has an invalid {name} '{part}'";
                }
                (lo, hi) = (x, y);
            }
            else if (Value(range, min, names) is { } single)
            {
                (lo, hi) = (single, part.Contains('/') ? max : single);
            }
            else
            {
                return $"has an invalid {name} '{part}' (allowed: {min}-{max}{(names is null ? "" : ", " + names[0] + "-" + names[^1])})";
            }
            if (lo < min || hi > max || lo > hi)
            {
                return $"has a {name} out of range in '{part}' (allowed: {min}-{max})";
            }
            for (var v = lo; v <= hi; v += every)
            {
                set[v] = true;
            }
        }
        return null;
    }

    private static int? Value(string text, int min, string[]? names)
    {
        if (int.TryParse(text, out var n))
        {
            return n;
        }
        var index = names is null ? -1 : Array.IndexOf(names, text.ToUpperInvariant());
        return index < 0 ? null : index + min;
    }
}
