using System.Globalization;
using System.Numerics;
using System.Text;
using Iomete.Iceberg.Manifests;
using Iomete.Iceberg.Types;

namespace Iomete.Engine.Parquet;

/// <summary>
/// Turns DuckDB's <c>RETURN_STATS</c> min/max strings into Iceberg bounds (single-value serialized).
/// A string that cannot be read exactly gives no bound (a missing bound is always safe; a wrong one is not).
/// Strings and binaries are truncated to <see cref="TruncateLength"/> as Java's default <c>truncate(16)</c>
/// metrics mode does: the lower bound is the prefix, the upper bound the prefix with its last unit incremented.
/// </summary>
internal static class StatsValues
{
    public const int TruncateLength = 16;

    public static byte[]? Lower(PrimitiveType type, string text) => Bound(type, text, upper: false);

    public static byte[]? Upper(PrimitiveType type, string text) => Bound(type, text, upper: true);

    private static byte[]? Bound(PrimitiveType type, string text, bool upper)
    {
        var inv = CultureInfo.InvariantCulture;
        switch (type.Id)
        {
            case TypeId.Boolean:
                return text switch { "1" or "true" => [1], "0" or "false" => [0], _ => null };
            case TypeId.Int:
                return int.TryParse(text, NumberStyles.AllowLeadingSign, inv, out var i) ? SingleValue.Serialize(type, i) : null;
            case TypeId.Long:
                return long.TryParse(text, NumberStyles.AllowLeadingSign, inv, out var l) ? SingleValue.Serialize(type, l) : null;
            case TypeId.Float:
                return ParseFloating(text) is { } f && !double.IsNaN(f) ? SingleValue.Serialize(type, SignedZero((float)f, upper)) : null;
            case TypeId.Double:
                return ParseFloating(text) is { } d && !double.IsNaN(d) ? SingleValue.Serialize(type, SignedZero(d, upper)) : null;
            case TypeId.Decimal:
                return Unscaled(text, ((DecimalType)type).Scale)?.ToByteArray(isUnsigned: false, isBigEndian: true);
            case TypeId.Date:
                return DateOnly.TryParseExact(text, "yyyy-MM-dd", inv, DateTimeStyles.None, out var date)
                    ? SingleValue.Serialize(type, date.DayNumber - DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber)
                    : null;
            case TypeId.Time:
                return TimeOnly.TryParse(text, inv, DateTimeStyles.None, out var time) ? SingleValue.Serialize(type, time.Ticks / 10) : null;
            case TypeId.Timestamp or TypeId.TimestampTz:
                return EpochNanos(text) is { } micros && micros % 1000 == 0 ? SingleValue.Serialize(type, micros / 1000) : null;
            case TypeId.TimestampNs or TypeId.TimestampTzNs:
                return EpochNanos(text) is { } nanos ? SingleValue.Serialize(type, nanos) : null;
            case TypeId.String:
                return Truncate(Encoding.UTF8.GetBytes(text), text, upper);
            case TypeId.Binary:
                return Hex(text) is { } bytes ? TruncateBytes(bytes, upper) : null;
            default:
                // uuid: Parquet orders bytes unsigned, Java's UUID comparison is signed; fixed: DuckDB writes BLOB.
                return null;
        }
    }

    private static double? ParseFloating(string text) => text switch
    {
        "inf" or "infinity" => double.PositiveInfinity,
        "-inf" or "-infinity" => double.NegativeInfinity,
        _ => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : null,
    };

    // Parquet statistics do not tell -0.0 from 0.0; Iceberg orders -0.0 first, so a zero lower bound must be -0.0.
    private static double SignedZero(double value, bool upper) => value == 0 ? (upper ? 0.0 : -0.0) : value;

    private static float SignedZero(float value, bool upper) => value == 0 ? (upper ? 0.0f : -0.0f) : value;

    private static BigInteger? Unscaled(string text, int scale)
    {
        var negative = text.StartsWith('-');
        var body = negative ? text[1..] : text;
        var parts = body.Split('.');
        if (parts.Length > 2 || parts[0].Length == 0 || (parts.Length == 2 && parts[1].Length > scale)
            || !parts.All(p => p.All(char.IsAsciiDigit)))
        {
            return null;
        }
        var digits = parts[0] + (parts.Length == 2 ? parts[1] : "").PadRight(scale, '0');
        var value = BigInteger.Parse(digits, CultureInfo.InvariantCulture);
        return negative ? -value : value;
    }

    /// <summary>Nanoseconds since the epoch of <c>yyyy-MM-dd HH:mm:ss[.fffffffff][+hh[:mm]]</c>.</summary>
    private static long? EpochNanos(string text)
    {
        var offsetAt = text.LastIndexOfAny(['+', '-']);
        var offset = TimeSpan.Zero;
        if (offsetAt > 10)
        {
            var zone = text[(offsetAt + 1)..];
            var sign = text[offsetAt] == '-' ? -1 : 1;
            if (!TimeSpan.TryParseExact(zone.Length == 2 ? zone + ":00" : zone, @"hh\:mm", CultureInfo.InvariantCulture, out var parsed))
            {
                return null;
            }
            offset = sign * parsed;
            text = text[..offsetAt];
        }
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        var fraction = dot < 0 ? "" : text[(dot + 1)..];
        var whole = dot < 0 ? text : text[..dot];
        if (fraction.Length > 9 || !fraction.All(char.IsAsciiDigit)
            || !DateTime.TryParseExact(whole, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture, DateTimeStyles.None, out var seconds))
        {
            return null;
        }
        var nanosOfSecond = fraction.Length == 0 ? 0 : long.Parse(fraction.PadRight(9, '0'), CultureInfo.InvariantCulture);
        var epochSeconds = (seconds - DateTime.UnixEpoch - offset).Ticks / TimeSpan.TicksPerSecond;
        return checked((epochSeconds * 1_000_000_000) + nanosOfSecond);
    }

    private static byte[]? Truncate(byte[] utf8, string text, bool upper)
    {
        var runes = text.EnumerateRunes().ToList();
        if (runes.Count <= TruncateLength)
        {
            return utf8;
        }
        var prefix = runes.Take(TruncateLength).ToList();
        if (!upper)
        {
            return Encoding.UTF8.GetBytes(string.Concat(prefix.Select(r => r.ToString())));
        }
        for (var i = prefix.Count - 1; i >= 0; i--)
        {
            var next = prefix[i].Value + 1;
            if (next is >= 0xD800 and <= 0xDFFF)
            {
                next = 0xE000;
            }
            if (next <= 0x10FFFF)
            {
                return Encoding.UTF8.GetBytes(string.Concat(prefix.Take(i).Select(r => r.ToString())) + new Rune(next));
            }
        }
        return null;
    }

    private static byte[]? TruncateBytes(byte[] bytes, bool upper)
    {
        if (bytes.Length <= TruncateLength)
        {
            return bytes;
        }
        var prefix = bytes.AsSpan(0, TruncateLength).ToArray();
        if (!upper)
        {
            return prefix;
        }
        for (var i = prefix.Length - 1; i >= 0; i--)
        {
            if (prefix[i] != 0xFF)
            {
                prefix[i]++;
                return prefix[..(i + 1)];
            }
        }
        return null;
    }

    private static byte[]? Hex(string text)
    {
        try
        {
            return Convert.FromHexString(text);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
