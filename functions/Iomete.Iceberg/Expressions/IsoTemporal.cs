using System.Globalization;
using System.Text.RegularExpressions;

namespace Iomete.Iceberg.Expressions;

/// <summary>Parses the REST spec's ISO-8601 literal forms into days, micros or nanos (up to 9 fraction digits, which DateTime cannot hold).</summary>
internal static partial class IsoTemporal
{
    private const long NanosPerSecond = 1_000_000_000L;
    private const long SecondsPerDay = 86_400L;

    public static bool TryDate(string text, out int days)
    {
        days = 0;
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return false;
        }
        days = Partitioning.IcebergValues.Date(date);
        return true;
    }

    /// <summary>Nanoseconds since midnight for <c>HH:MM[:SS[.fffffffff]]</c>; <paramref name="maxFraction"/> caps the fraction digits.</summary>
    public static bool TryTime(string text, int maxFraction, out long nanos)
    {
        nanos = 0;
        var m = TimePattern().Match(text);
        return m.Success && TryTimeParts(m, maxFraction, out nanos);
    }

    /// <summary>
    /// Nanoseconds since the epoch of <c>YYYY-MM-DDTHH:MM:SS[.f…][offset]</c>; the offset (<c>Z</c> or ±HH:MM) is
    /// required when <paramref name="withZone"/> and rejected otherwise.
    /// </summary>
    public static bool TryTimestamp(string text, bool withZone, int maxFraction, out long nanos)
    {
        nanos = 0;
        var m = TimestampPattern().Match(text);
        if (!m.Success || m.Groups["zone"].Success != withZone || !TryDate(m.Groups["date"].Value, out var days)
            || !TryTimeParts(m, maxFraction, out var timeNanos))
        {
            return false;
        }
        long offsetSeconds = 0;
        if (m.Groups["zone"].Success && m.Groups["zone"].Value != "Z")
        {
            var zone = m.Groups["zone"].Value;
            var hours = int.Parse(zone.AsSpan(1, 2), CultureInfo.InvariantCulture);
            var minutes = int.Parse(zone.AsSpan(4, 2), CultureInfo.InvariantCulture);
            if (hours > 18 || minutes > 59)
            {
                return false;
            }
            offsetSeconds = (zone[0] == '-' ? -1 : 1) * ((hours * 3600L) + (minutes * 60L));
        }
        try
        {
            nanos = checked((((days * SecondsPerDay) - offsetSeconds) * NanosPerSecond) + timeNanos);
            return true;
        }
        catch (OverflowException)
        {
            return false;
        }
    }

    private static bool TryTimeParts(Match m, int maxFraction, out long nanos)
    {
        nanos = 0;
        var hour = int.Parse(m.Groups["h"].ValueSpan, CultureInfo.InvariantCulture);
        var minute = int.Parse(m.Groups["m"].ValueSpan, CultureInfo.InvariantCulture);
        var second = m.Groups["s"].Success ? int.Parse(m.Groups["s"].ValueSpan, CultureInfo.InvariantCulture) : 0;
        var fraction = m.Groups["f"].Success ? m.Groups["f"].Value : "";
        if (hour > 23 || minute > 59 || second > 59 || fraction.Length > maxFraction)
        {
            return false;
        }
        var fractionNanos = fraction.Length == 0 ? 0 : long.Parse(fraction.PadRight(9, '0'), CultureInfo.InvariantCulture);
        nanos = (((hour * 3600L) + (minute * 60L) + second) * NanosPerSecond) + fractionNanos;
        return true;
    }

    [GeneratedRegex(@"^(?<h>\d{2}):(?<m>\d{2})(?::(?<s>\d{2})(?:\.(?<f>\d{1,9}))?)?$", RegexOptions.CultureInvariant)]
    private static partial Regex TimePattern();

    [GeneratedRegex(@"^(?<date>\d{4}-\d{2}-\d{2})T(?<h>\d{2}):(?<m>\d{2})(?::(?<s>\d{2})(?:\.(?<f>\d{1,9}))?)?(?<zone>Z|[+-]\d{2}:\d{2})?$", RegexOptions.CultureInvariant)]
    private static partial Regex TimestampPattern();
}
