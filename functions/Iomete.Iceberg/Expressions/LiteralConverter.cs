using System.Globalization;
using System.Numerics;
using Iomete.Iceberg.Partitioning;
using Iomete.Iceberg.Types;

namespace Iomete.Iceberg.Expressions;

/// <summary>Where a converted integer literal lies relative to the target type's range.</summary>
internal enum LiteralRange
{
    InRange,
    AboveMax,
    BelowMin,
}

/// <summary>
/// Converts a literal (a JSON value or a .NET value) to the README's representation of a primitive type.
/// Integers outside an int/long/date range are reported as <see cref="LiteralRange.AboveMax"/>/<see cref="LiteralRange.BelowMin"/>
/// (as the Java binder does) so comparisons can fold to true or false; anything else that does not fit is null.
/// </summary>
internal static class LiteralConverter
{
    public static object? Convert(object value, PrimitiveType type, out LiteralRange range)
    {
        range = LiteralRange.InRange;
        switch (type.Id)
        {
            case TypeId.Boolean:
                return value as bool?;
            case TypeId.Int:
                return Integer(value, int.MinValue, int.MaxValue, out range) is { } i ? (int)i : null;
            case TypeId.Long:
                return Integer(value, long.MinValue, long.MaxValue, out range);
            case TypeId.Float:
                return Number(value) is { } f && float.IsFinite((float)f) ? (float)f : null;
            case TypeId.Double:
                return Number(value) is { } d && double.IsFinite(d) ? d : null;
            case TypeId.Decimal:
                return Decimal(value, (DecimalType)type);
            case TypeId.Date:
                return value switch
                {
                    string s => IsoTemporal.TryDate(s, out var days) ? days : null,
                    DateOnly date => IcebergValues.Date(date),
                    _ => Integer(value, int.MinValue, int.MaxValue, out range) is { } n ? (int)n : null,
                };
            case TypeId.Time:
                return value switch
                {
                    string s => IsoTemporal.TryTime(s, 6, out var nanos) ? nanos / 1000 : null,
                    TimeOnly time => IcebergValues.Time(time),
                    _ => Integer(value, 0, 86_400_000_000L - 1, out range),
                };
            case TypeId.Timestamp or TypeId.TimestampTz or TypeId.TimestampNs or TypeId.TimestampTzNs:
                return Timestamp(value, type.Id, out range);
            case TypeId.String:
                return value as string;
            case TypeId.Uuid:
                return value switch
                {
                    Guid g => g,
                    string s when Guid.TryParseExact(s, "D", out var g) => g,
                    _ => null,
                };
            case TypeId.Fixed:
                return Bytes(value) is { } fixedBytes && fixedBytes.Length == ((FixedType)type).Length ? fixedBytes : null;
            case TypeId.Binary:
                return Bytes(value);
            default:
                return null;
        }
    }

    private static object? Timestamp(object value, TypeId id, out LiteralRange range)
    {
        range = LiteralRange.InRange;
        var nanosType = id is TypeId.TimestampNs or TypeId.TimestampTzNs;
        var withZone = id is TypeId.TimestampTz or TypeId.TimestampTzNs;
        return value switch
        {
            string s => IsoTemporal.TryTimestamp(s, withZone, nanosType ? 9 : 6, out var nanos) ? (nanosType ? nanos : nanos / 1000) : null,
            DateTimeOffset dto when withZone => nanosType ? IcebergValues.TimestampNs(dto.UtcDateTime) : IcebergValues.TimestampTz(dto),
            DateTime dt when withZone == (dt.Kind == DateTimeKind.Utc) => nanosType ? IcebergValues.TimestampNs(dt) : IcebergValues.Timestamp(dt),
            DateTimeOffset or DateTime => null,
            _ => Integer(value, long.MinValue, long.MaxValue, out range),
        };
    }

    private static long? Integer(object value, long min, long max, out LiteralRange range)
    {
        range = LiteralRange.InRange;
        BigInteger? big = value switch
        {
            int i => i,
            long l => l,
            short s => s,
            byte b => b,
            BigInteger b => b,
            decimal m when decimal.Truncate(m) == m => new BigInteger(m),
            _ => null,
        };
        if (big is not { } n)
        {
            return null;
        }
        if (n > max)
        {
            range = LiteralRange.AboveMax;
            return max;
        }
        if (n < min)
        {
            range = LiteralRange.BelowMin;
            return min;
        }
        return (long)n;
    }

    private static double? Number(object value) => value switch
    {
        int i => i,
        long l => l,
        float f => f,
        double d => d,
        decimal m => (double)m,
        _ => null,
    };

    private static decimal? Decimal(object value, DecimalType type)
    {
        decimal? parsed = value switch
        {
            decimal m => m,
            int i => i,
            long l => l,
            string s when decimal.TryParse(s, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent,
                CultureInfo.InvariantCulture, out var m) => m,
            _ => null,
        };
        if (parsed is not { } d)
        {
            return null;
        }
        try
        {
            var unscaled = IcebergValues.Unscaled(d, type.Scale);
            return BigInteger.Abs(unscaled).ToString(CultureInfo.InvariantCulture).Length <= type.Precision ? d : null;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    private static byte[]? Bytes(object value) => value switch
    {
        byte[] b => b,
        string s when s.Length % 2 == 0 => TryHex(s),
        _ => null,
    };

    private static byte[]? TryHex(string s)
    {
        try
        {
            return System.Convert.FromHexString(s);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
