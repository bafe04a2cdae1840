using DuckDB.NET.Data;
using Iomete.Iceberg.Partitioning;
using Iomete.Iceberg.Types;

namespace Iomete.Engine.Parquet;

/// <summary>
/// In-memory row values: normalized to the Iceberg .NET representation (README of Iomete.Iceberg; <c>DateOnly</c>,
/// <c>TimeOnly</c>, <c>DateTime</c>, <c>DateTimeOffset</c> are accepted too) and appended to a DuckDB staging table.
/// </summary>
internal static class RowValues
{
    private static readonly DateOnly EpochDay = DateOnly.FromDateTime(DateTime.UnixEpoch);

    public static object? Normalize(IcebergType type, object? value) => (type.Id, value) switch
    {
        (_, null or DBNull) => null,
        (TypeId.Date, DateOnly d) => IcebergValues.Date(d),
        (TypeId.Date, DateTime dt) => IcebergValues.Date(DateOnly.FromDateTime(dt)),
        (TypeId.Time, TimeOnly t) => IcebergValues.Time(t),
        (TypeId.Timestamp, DateTime dt) => IcebergValues.Timestamp(dt),
        (TypeId.TimestampTz, DateTimeOffset dto) => IcebergValues.TimestampTz(dto),
        (TypeId.TimestampTz, DateTime dt) => IcebergValues.TimestampTz(new DateTimeOffset(DateTime.SpecifyKind(dt, DateTimeKind.Utc))),
        (TypeId.Int, not int) => Convert.ToInt32(value, System.Globalization.CultureInfo.InvariantCulture),
        (TypeId.Long, not long) => Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture),
        (TypeId.Double, not double) => Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture),
        (TypeId.Float, not float) => Convert.ToSingle(value, System.Globalization.CultureInfo.InvariantCulture),
        (TypeId.Decimal, not decimal) => Convert.ToDecimal(value, System.Globalization.CultureInfo.InvariantCulture),
        _ => value,
    };

    /// <summary>Appends a normalized value to the current appender row.</summary>
    public static void Append(IDuckDBAppenderRow row, IcebergType type, object? value)
    {
        if (value is null)
        {
            row.AppendNullValue();
            return;
        }
        _ = type.Id switch
        {
            TypeId.Boolean => row.AppendValue((bool)value),
            TypeId.Int => row.AppendValue((int)value),
            TypeId.Long => row.AppendValue((long)value),
            TypeId.Float => row.AppendValue((float)value),
            TypeId.Double => row.AppendValue((double)value),
            TypeId.Decimal => row.AppendValue((decimal)value),
            TypeId.Date => row.AppendValue(EpochDay.AddDays((int)value)),
            TypeId.Time => row.AppendValue(new TimeOnly((long)value * 10)),
            TypeId.Timestamp => row.AppendValue(new DateTime(DateTime.UnixEpoch.Ticks + ((long)value * 10), DateTimeKind.Unspecified)),
            TypeId.TimestampTz => row.AppendValue(new DateTimeOffset(DateTime.UnixEpoch.Ticks + ((long)value * 10), TimeSpan.Zero)),
            TypeId.String => row.AppendValue((string)value),
            TypeId.Uuid => row.AppendValue((Guid)value),
            TypeId.Binary or TypeId.Fixed => row.AppendValue((byte[])value),
            _ => throw new ArgumentException($"In-memory rows cannot hold {type} values; write nested or nanosecond columns from a query", nameof(type)),
        };
    }
}
