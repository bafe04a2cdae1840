using System.Globalization;

namespace Iomete.Functions.EventStreams.Ingest.Rows;

/// <summary>
/// Timestamps as epoch microseconds: a fast path for the ISO-8601 forms events carry
/// (<c>yyyy-MM-dd[T ]HH:mm:ss[.f…][Z|±hh[:]mm]</c>, no zone = UTC), .NET's general parser for the rest.
/// </summary>
internal static class IsoInstant
{
    private const long MinMicros = -62_135_596_800_000_000;
    private const long MaxMicros = 253_402_300_799_999_999;

    public static bool TryParse(ReadOnlySpan<byte> text, out long micros)
    {
        if (TryFast(text, out micros))
        {
            return true;
        }
        if (text.Length is 0 or > 64)
        {
            return false;
        }
        Span<char> chars = stackalloc char[64];
        var n = System.Text.Encoding.UTF8.GetChars(text, chars);
        if (DateTimeOffset.TryParse(chars[..n], CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value))
        {
            micros = (value.UtcTicks - DateTime.UnixEpoch.Ticks) / 10;
            return true;
        }
        return false;
    }

    public static bool FromMillis(long millis, out long micros)
    {
        micros = 0;
        if (millis is < MinMicros / 1000 or > MaxMicros / 1000)
        {
            return false;
        }
        micros = millis * 1000;
        return true;
    }

    /// <summary><c>yyyy-MM-dd HH:mm:ss.ffffff</c> (with <c>+00</c> for a zoned column), for timestamps nested in structs and lists.</summary>
    public static string Text(long micros, bool zoned) =>
        new DateTime(DateTime.UnixEpoch.Ticks + (micros * 10), DateTimeKind.Utc)
            .ToString(zoned ? "yyyy-MM-dd HH:mm:ss.ffffff+00" : "yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture);

    private static bool TryFast(ReadOnlySpan<byte> t, out long micros)
    {
        micros = 0;
        if (t.Length < 19 || t[4] != '-' || t[7] != '-' || (t[10] != 'T' && t[10] != ' ' && t[10] != 't') || t[13] != ':' || t[16] != ':')
        {
            return false;
        }
        if (!Digits(t, 0, 4, out var year) || !Digits(t, 5, 2, out var month) || !Digits(t, 8, 2, out var day)
            || !Digits(t, 11, 2, out var hour) || !Digits(t, 14, 2, out var minute) || !Digits(t, 17, 2, out var second))
        {
            return false;
        }
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }
        var at = 19;
        long fraction = 0;
        if (at < t.Length && t[at] == '.')
        {
            at++;
            var digits = 0;
            while (at < t.Length && (uint)(t[at] - '0') <= 9)
            {
                if (digits < 6)
                {
                    fraction = (fraction * 10) + (t[at] - '0');
                }
                digits++;
                at++;
            }
            if (digits == 0)
            {
                return false;
            }
            for (var d = digits; d < 6; d++)
            {
                fraction *= 10;
            }
        }
        long offsetMinutes = 0;
        if (at < t.Length)
        {
            if ((t[at] == 'Z' || t[at] == 'z') && at + 1 == t.Length)
            {
                at++;
            }
            else if (t[at] is (byte)'+' or (byte)'-')
            {
                var sign = t[at] == '-' ? -1 : 1;
                var rest = t[(at + 1)..];
                int oh, om = 0;
                if (rest.Length == 2 && Digits(rest, 0, 2, out oh))
                {
                }
                else if (rest.Length == 4 && Digits(rest, 0, 2, out oh) && Digits(rest, 2, 2, out om))
                {
                }
                else if (rest.Length == 5 && rest[2] == ':' && Digits(rest, 0, 2, out oh) && Digits(rest, 3, 2, out om))
                {
                }
                else
                {
                    return false;
                }
                if (oh > 18 || om > 59)
                {
                    return false;
                }
                offsetMinutes = sign * ((oh * 60) + om);
                at = t.Length;
            }
            else
            {
                return false;
            }
        }
        var days = new DateOnly(year, month, day).DayNumber - DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber;
        micros = ((((days * 24L) + hour) * 60 + minute - offsetMinutes) * 60 + second) * 1_000_000 + fraction;
        return micros is >= MinMicros and <= MaxMicros;
    }

    private static bool Digits(ReadOnlySpan<byte> t, int start, int count, out int value)
    {
        value = 0;
        for (var i = start; i < start + count; i++)
        {
            var d = (uint)(t[i] - '0');
            if (d > 9)
            {
                return false;
            }
            value = (value * 10) + (int)d;
        }
        return true;
    }
}
