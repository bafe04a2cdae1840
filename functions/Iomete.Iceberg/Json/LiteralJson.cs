using System.Globalization;
using System.Numerics;
using System.Text.Json;
using Iomete.Iceberg.Partitioning;
using Iomete.Iceberg.Types;

namespace Iomete.Iceberg.Json;

/// <summary>Writes literal values in the REST spec's <c>PrimitiveTypeValue</c> forms.</summary>
internal static class LiteralJson
{
    private const long MicrosPerDay = 86_400_000_000L;
    private static readonly DateOnly Epoch = DateOnly.FromDateTime(DateTime.UnixEpoch);

    /// <summary>An untyped literal: JSON kinds as they are, .NET temporal values in ISO form, bytes as upper-case hex.</summary>
    public static void WriteUnbound(Utf8JsonWriter writer, object value)
    {
        switch (value)
        {
            case bool b: writer.WriteBooleanValue(b); break;
            case int i: writer.WriteNumberValue(i); break;
            case long l: writer.WriteNumberValue(l); break;
            case float f: writer.WriteNumberValue(f); break;
            case double d: writer.WriteNumberValue(d); break;
            case decimal m: writer.WriteNumberValue(m); break;
            case BigInteger n: writer.WriteRawValue(n.ToString(CultureInfo.InvariantCulture)); break;
            case string s: writer.WriteStringValue(s); break;
            case Guid g: writer.WriteStringValue(g.ToString("D")); break;
            case DateOnly date: writer.WriteStringValue(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)); break;
            case TimeOnly time: writer.WriteStringValue(time.ToString("HH:mm:ss.ffffff", CultureInfo.InvariantCulture)); break;
            case DateTimeOffset dto: writer.WriteStringValue(dto.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffffzzz", CultureInfo.InvariantCulture)); break;
            case DateTime dt when dt.Kind == DateTimeKind.Utc: writer.WriteStringValue(dt.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'+00:00'", CultureInfo.InvariantCulture)); break;
            case DateTime dt: writer.WriteStringValue(dt.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff", CultureInfo.InvariantCulture)); break;
            case byte[] bytes: writer.WriteStringValue(Convert.ToHexString(bytes)); break;
            default: throw new ArgumentException($"Cannot write a literal of type {value.GetType().Name}", nameof(value));
        }
    }

    /// <summary>A value of <paramref name="type"/> in the README's representation.</summary>
    public static void WriteTyped(Utf8JsonWriter writer, PrimitiveType type, object value)
    {
        switch (type.Id)
        {
            case TypeId.Decimal:
                var scale = ((DecimalType)type).Scale;
                writer.WriteStringValue(((decimal)value).ToString("F" + scale.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture));
                break;
            case TypeId.Date:
                writer.WriteStringValue(Epoch.AddDays((int)value).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                break;
            case TypeId.Time:
                writer.WriteStringValue(TimeOfDay((long)value * 1000, 6));
                break;
            case TypeId.Timestamp or TypeId.TimestampTz:
                writer.WriteStringValue(Timestamp((long)value, 1, 6, type.Id == TypeId.TimestampTz));
                break;
            case TypeId.TimestampNs or TypeId.TimestampTzNs:
                writer.WriteStringValue(Timestamp((long)value, 1000, 9, type.Id == TypeId.TimestampTzNs));
                break;
            default:
                WriteUnbound(writer, value);
                break;
        }
    }

    private static string Timestamp(long value, long perMicro, int digits, bool withZone)
    {
        var perDay = MicrosPerDay * perMicro;
        var days = IcebergValues.FloorDiv(value, perDay);
        var nanosOfDay = (value - (days * perDay)) * (1000 / perMicro);
        var text = Epoch.AddDays((int)days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T" + TimeOfDay(nanosOfDay, digits);
        return withZone ? text + "+00:00" : text;
    }

    private static string TimeOfDay(long nanos, int digits)
    {
        var seconds = nanos / 1_000_000_000L;
        var fraction = (nanos % 1_000_000_000L).ToString("D9", CultureInfo.InvariantCulture)[..digits];
        return string.Create(CultureInfo.InvariantCulture, $"{seconds / 3600:D2}:{seconds / 60 % 60:D2}:{seconds % 60:D2}.{fraction}");
    }
}
