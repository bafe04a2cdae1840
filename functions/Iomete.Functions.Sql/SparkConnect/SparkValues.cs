using System.Globalization;
using System.Text;
using System.Text.Json;
using Apache.Arrow;
using Iomete.Functions.Sql.Results;

namespace Iomete.Functions.Sql.SparkConnect;

/// <summary>Text of the Spark values the stored result keeps as strings: nested values as JSON, the rest as Spark prints them.</summary>
internal static class SparkValues
{
    public static string Text(IArrowArray array, int index) => array switch
    {
        LargeStringArray a => a.GetString(index),
        StringViewArray a => a.GetString(index),
        LargeBinaryArray a => Convert.ToBase64String(a.GetBytes(index)),
        Date64Array a => a.GetDateOnly(index)!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DurationArray a => a.GetTimeSpan(index)!.Value.ToString("c", CultureInfo.InvariantCulture),
        YearMonthIntervalArray a => a.GetValue(index)!.Value.Months.ToString(CultureInfo.InvariantCulture) + " months",
        ListArray or StructArray => Json(array, index),
        _ => ArrowValues.Text(array, index) ?? "",
    };

    private static string Json(IArrowArray array, int index)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, array, index);
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void Write(Utf8JsonWriter writer, IArrowArray array, int index)
    {
        if (array.IsNull(index))
        {
            writer.WriteNullValue();
            return;
        }
        switch (array)
        {
            case MapArray map:
                var entries = map.KeyValues;
                var (start, end) = (map.ValueOffsets[index], map.ValueOffsets[index + 1]);
                writer.WriteStartObject();
                for (var i = start; i < end; i++)
                {
                    writer.WritePropertyName(Text(entries.Fields[0], i));
                    Write(writer, entries.Fields[1], i);
                }
                writer.WriteEndObject();
                break;
            case ListArray list:
                writer.WriteStartArray();
                for (var i = list.ValueOffsets[index]; i < list.ValueOffsets[index + 1]; i++)
                {
                    Write(writer, list.Values, i);
                }
                writer.WriteEndArray();
                break;
            case StructArray structure:
                var type = (Apache.Arrow.Types.StructType)structure.Data.DataType;
                writer.WriteStartObject();
                for (var f = 0; f < structure.Fields.Count; f++)
                {
                    writer.WritePropertyName(type.Fields[f].Name);
                    Write(writer, structure.Fields[f], index);
                }
                writer.WriteEndObject();
                break;
            default:
                var leaf = array is LargeStringArray or StringViewArray or LargeBinaryArray or Date64Array or DurationArray or YearMonthIntervalArray
                    ? Text(array, index)
                    : ArrowValues.Json(array, index);
                switch (leaf)
                {
                    case null:
                        writer.WriteNullValue();
                        break;
                    case bool b:
                        writer.WriteBooleanValue(b);
                        break;
                    case string s:
                        writer.WriteStringValue(s);
                        break;
                    case var number:
                        writer.WriteRawValue(Convert.ToString(number, CultureInfo.InvariantCulture)!);
                        break;
                }
                break;
        }
    }
}
