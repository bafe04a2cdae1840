using System.Numerics;

namespace Iomete.Iceberg.Partitioning;

/// <summary>
/// The .NET representation of Iceberg values used by transforms:
/// boolean → bool, int → int, long → long, float → float, double → double,
/// decimal(P,S) → System.Decimal (so precision above 28 digits is not representable),
/// date → int days since 1970-01-01, time → long microseconds since midnight,
/// timestamp/timestamptz → long microseconds since the epoch (UTC for tz),
/// timestamp_ns/timestamptz_ns → long nanoseconds since the epoch,
/// string → string, uuid → Guid, fixed/binary → byte[]. Null is null for every type.
/// These helpers convert from the usual .NET date/time types.
/// </summary>
public static class IcebergValues
{
    private const long TicksPerMicro = 10;

    public static int Date(DateOnly date) => date.DayNumber - DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber;

    public static long Time(TimeOnly time) => time.Ticks / TicksPerMicro;

    /// <summary>A timestamp without zone: the wall-clock value of <paramref name="local"/> as microseconds since 1970-01-01T00:00.</summary>
    public static long Timestamp(DateTime local) => FloorDiv(local.Ticks - DateTime.UnixEpoch.Ticks, TicksPerMicro);

    /// <summary>A nanosecond timestamp without zone (100 ns resolution of DateTime).</summary>
    public static long TimestampNs(DateTime local) => (local.Ticks - DateTime.UnixEpoch.Ticks) * 100;

    /// <summary>A timestamp with zone: the instant as microseconds since the epoch (UTC).</summary>
    public static long TimestampTz(DateTimeOffset instant) => Timestamp(instant.UtcDateTime);

    /// <summary>Division rounding towards negative infinity (pre-epoch values must round down).</summary>
    public static long FloorDiv(long value, long divisor)
    {
        var q = value / divisor;
        return (value % divisor != 0 && ((value < 0) ^ (divisor < 0))) ? q - 1 : q;
    }

    /// <summary>The unscaled value of <paramref name="value"/> at <paramref name="scale"/>; throws if that would lose digits.</summary>
    public static BigInteger Unscaled(decimal value, int scale)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        var valueScale = (bits[3] >> 16) & 0xff;
        var magnitude = new BigInteger((uint)bits[0]) | (new BigInteger((uint)bits[1]) << 32) | (new BigInteger((uint)bits[2]) << 64);
        if (bits[3] < 0)
        {
            magnitude = -magnitude;
        }
        if (valueScale == scale)
        {
            return magnitude;
        }
        if (valueScale < scale)
        {
            return magnitude * BigInteger.Pow(10, scale - valueScale);
        }
        var divisor = BigInteger.Pow(10, valueScale - scale);
        var quotient = BigInteger.DivRem(magnitude, divisor, out var remainder);
        return remainder.IsZero
            ? quotient
            : throw new ArgumentException($"Decimal {value} has more than {scale} fractional digits", nameof(value));
    }

    /// <summary>The decimal for an unscaled value and scale.</summary>
    public static decimal FromUnscaled(BigInteger unscaled, int scale) => (decimal)unscaled / (decimal)BigInteger.Pow(10, scale);
}
