using Iomete.Iceberg.Types;

namespace Iomete.Iceberg.Partitioning;

/// <summary>
/// year/month/day/hour: whole units since 1970-01-01 (rounded down, so pre-epoch values are negative).
/// Sources: date and the four timestamp types; hour accepts timestamps only.
/// </summary>
public abstract record TimeTransform : Transform
{
    private const long MicrosPerHour = 3_600_000_000L;
    private const long MicrosPerDay = 24 * MicrosPerHour;
    private static readonly int EpochDayNumber = DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber;

    private protected TimeTransform()
    {
    }

    public override bool CanTransform(IcebergType source) => source.Id is TypeId.Date or TypeId.Timestamp
        or TypeId.TimestampTz or TypeId.TimestampNs or TypeId.TimestampTzNs;

    public override IcebergType ResultType(IcebergType source) => IcebergTypes.Int;

    private protected override object? ApplyNonNull(IcebergType source, object value)
    {
        if (source.Id == TypeId.Date)
        {
            return FromDays(As<int>(value, source));
        }
        var micros = source.Id is TypeId.TimestampNs or TypeId.TimestampTzNs
            ? IcebergValues.FloorDiv(As<long>(value, source), 1000)
            : As<long>(value, source);
        return FromMicros(micros);
    }

    private protected virtual int FromMicros(long micros) => FromDays((int)IcebergValues.FloorDiv(micros, MicrosPerDay));

    private protected abstract int FromDays(int days);

    private protected static DateOnly ToDate(int days) => DateOnly.FromDayNumber(EpochDayNumber + days);

    internal static int HoursFromMicros(long micros) => (int)IcebergValues.FloorDiv(micros, MicrosPerHour);
}

public sealed record YearTransform : TimeTransform
{
    private protected override int FromDays(int days) => ToDate(days).Year - 1970;

    public override string ToString() => "year";
}

public sealed record MonthTransform : TimeTransform
{
    private protected override int FromDays(int days) => ToDate(days) is var d ? ((d.Year - 1970) * 12) + d.Month - 1 : 0;

    public override string ToString() => "month";
}

/// <summary>Days since the epoch; the result type is <c>date</c> (an int of days).</summary>
public sealed record DayTransform : TimeTransform
{
    public override IcebergType ResultType(IcebergType source) => IcebergTypes.Date;

    private protected override int FromDays(int days) => days;

    public override string ToString() => "day";
}

public sealed record HourTransform : TimeTransform
{
    public override bool CanTransform(IcebergType source) => source.Id != TypeId.Date && base.CanTransform(source);

    private protected override int FromMicros(long micros) => HoursFromMicros(micros);

    private protected override int FromDays(int days) => days * 24;

    public override string ToString() => "hour";
}
