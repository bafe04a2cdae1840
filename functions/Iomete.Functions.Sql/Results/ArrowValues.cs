using System.Globalization;
using Apache.Arrow;
using Apache.Arrow.Types;

namespace Iomete.Functions.Sql.Results;

/// <summary>Reads cell values of stored results, as JSON-ready values and as text.</summary>
internal static class ArrowValues
{
    private const long MaxSafeInteger = 9_007_199_254_740_991;

    /// <summary>
    /// The value as JSON should carry it: numbers as numbers, except integers beyond ±2^53 and decimals
    /// of more than 15 digits, which are strings so no digit is lost; dates and times in ISO 8601; blobs in base64.
    /// </summary>
    public static object? Json(IArrowArray array, int index)
    {
        if (array.IsNull(index))
        {
            return null;
        }
        return array switch
        {
            Int64Array a => a.GetValue(index)!.Value is var v && Math.Abs(v) <= MaxSafeInteger ? v : v.ToString(CultureInfo.InvariantCulture),
            UInt64Array a => a.GetValue(index)!.Value is var v && v <= MaxSafeInteger ? v : v.ToString(CultureInfo.InvariantCulture),
            Decimal128Array a => ((Decimal128Type)a.Data.DataType).Precision <= 15 ? a.GetValue(index) : a.GetString(index),
            FloatArray a => Floating(a.GetValue(index)!.Value),
            DoubleArray a => Floating(a.GetValue(index)!.Value),
            BooleanArray a => a.GetValue(index),
            Int8Array a => a.GetValue(index),
            Int16Array a => a.GetValue(index),
            Int32Array a => a.GetValue(index),
            UInt8Array a => a.GetValue(index),
            UInt16Array a => a.GetValue(index),
            UInt32Array a => a.GetValue(index),
            _ => Text(array, index),
        };
    }

    /// <summary>The value as text (CSV): invariant culture, ISO 8601, base64 blobs; null for SQL NULL.</summary>
    public static string? Text(IArrowArray array, int index)
    {
        if (array.IsNull(index))
        {
            return null;
        }
        var c = CultureInfo.InvariantCulture;
        return array switch
        {
            StringArray a => a.GetString(index),
            Decimal128Array a => a.GetString(index),
            Date32Array a => a.GetDateOnly(index)!.Value.ToString("yyyy-MM-dd", c),
            Time64Array a => TimeOnly.FromTimeSpan(TimeSpan.FromMicroseconds(a.GetMicroSeconds(index)!.Value)).ToString("HH:mm:ss.FFFFFF", c).TrimEnd('.'),
            TimestampArray a => Timestamp(a, index),
            BinaryArray a => Convert.ToBase64String(a.GetBytes(index)),
            BooleanArray a => a.GetValue(index)!.Value ? "true" : "false",
            FloatArray a => a.GetValue(index)!.Value.ToString("R", c),
            DoubleArray a => a.GetValue(index)!.Value.ToString("R", c),
            Int8Array a => a.GetValue(index)!.Value.ToString(c),
            Int16Array a => a.GetValue(index)!.Value.ToString(c),
            Int32Array a => a.GetValue(index)!.Value.ToString(c),
            Int64Array a => a.GetValue(index)!.Value.ToString(c),
            UInt8Array a => a.GetValue(index)!.Value.ToString(c),
            UInt16Array a => a.GetValue(index)!.Value.ToString(c),
            UInt32Array a => a.GetValue(index)!.Value.ToString(c),
            UInt64Array a => a.GetValue(index)!.Value.ToString(c),
            _ => throw new NotSupportedException($"Arrow type {array.Data.DataType.Name} is not written by the SQL service."),
        };
    }

    private static object Floating(double value) =>
        double.IsFinite(value) ? value : value.ToString(CultureInfo.InvariantCulture);

    private static string Timestamp(TimestampArray array, int index)
    {
        var value = array.GetTimestamp(index)!.Value.UtcDateTime;
        var text = value.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFF", CultureInfo.InvariantCulture).TrimEnd('.');
        return ((TimestampType)array.Data.DataType).Timezone is null ? text : text + "Z";
    }
}
