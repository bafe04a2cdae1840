using System.Buffers.Text;
using System.Globalization;
using System.Text.Json;
using Iomete.Iceberg.Types;

namespace Iomete.Functions.EventStreams.Ingest.Rows;

/// <summary>
/// Checks one JSON value against a column type and writes it in the canonical form the committer's
/// <c>read_json</c> reads back without surprises: integers as numbers, decimals and temporal values as ISO strings,
/// binary as base64 text, nested values recursively, and anything under a string column as text (objects and
/// arrays as their JSON). The reader starts on the value's first token and ends on its last; after a problem it is
/// left wherever the problem was found (callers parse each row with a reader of its own and drop it).
/// </summary>
internal static class ValueNormalizer
{
    private const DateTimeStyles Utc = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal;

    /// <returns>Null when written; otherwise the path and reason of the first problem (the value is skipped).</returns>
    public static (string Path, string Message)? Write(ref Utf8JsonReader reader, ReadOnlySpan<byte> source, ColumnPlan column, Utf8JsonWriter writer)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            if (column.Field.Required)
            {
                return (column.Path, "is required and cannot be null");
            }
            writer.WriteNullValue();
            return null;
        }
        return column.Type switch
        {
            StructType => WriteStruct(ref reader, source, column, writer),
            ListType => WriteList(ref reader, source, column, writer),
            MapType => WriteMap(ref reader, source, column, writer),
            PrimitiveType p => WritePrimitive(ref reader, source, p, writer) is { } message ? (column.Path, message) : null,
            _ => (column.Path, $"has type {column.Type}, which ingest cannot write"),
        };
    }

    /// <summary>Writes a struct's (or a row's) known fields; unknown names are ignored, missing required ones reported.</summary>
    public static (string Path, string Message)? WriteFields(
        ref Utf8JsonReader reader, ReadOnlySpan<byte> source, FieldLookup fields, string path, Utf8JsonWriter writer)
    {
        Span<bool> seen = fields.All.Count <= 256 ? stackalloc bool[fields.All.Count] : new bool[fields.All.Count];
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var column = fields.Find(ref reader);
            reader.Read();
            if (column is null)
            {
                reader.Skip();
                continue;
            }
            seen[fields.IndexOf(column)] = true;
            if (reader.TokenType == JsonTokenType.Null && !column.Field.Required)
            {
                continue;
            }
            writer.WritePropertyName(column.EncodedName);
            if (Write(ref reader, source, column, writer) is { } problem)
            {
                return problem;
            }
        }
        foreach (var required in fields.Required)
        {
            if (!seen[fields.IndexOf(required)])
            {
                return (Join(path, required.Field.Name), "is required and missing");
            }
        }
        return null;
    }

    private static (string, string)? WriteStruct(ref Utf8JsonReader reader, ReadOnlySpan<byte> source, ColumnPlan column, Utf8JsonWriter writer)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return (column.Path, $"expects an object, got {Describe(reader.TokenType)}");
        }
        writer.WriteStartObject();
        var problem = WriteFields(ref reader, source, column.Fields!, column.Path, writer);
        writer.WriteEndObject();
        return problem;
    }

    private static (string, string)? WriteList(ref Utf8JsonReader reader, ReadOnlySpan<byte> source, ColumnPlan column, Utf8JsonWriter writer)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return (column.Path, $"expects an array, got {Describe(reader.TokenType)}");
        }
        writer.WriteStartArray();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (Write(ref reader, source, column.Element!, writer) is { } problem)
            {
                return problem;
            }
        }
        writer.WriteEndArray();
        return null;
    }

    private static (string, string)? WriteMap(ref Utf8JsonReader reader, ReadOnlySpan<byte> source, ColumnPlan column, Utf8JsonWriter writer)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return (column.Path, $"expects an object, got {Describe(reader.TokenType)}");
        }
        writer.WriteStartObject();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            writer.WritePropertyName(reader.GetString()!);
            reader.Read();
            if (Write(ref reader, source, column.Element!, writer) is { } problem)
            {
                return problem;
            }
        }
        writer.WriteEndObject();
        return null;
    }

    private static string? WritePrimitive(ref Utf8JsonReader reader, ReadOnlySpan<byte> source, PrimitiveType type, Utf8JsonWriter writer)
    {
        var token = reader.TokenType;
        switch (type)
        {
            case DecimalType d:
                return WriteDecimal(ref reader, d, writer);
            case FixedType f:
                return WriteBinary(ref reader, f.Length, writer);
        }
        switch (type.Id)
        {
            case TypeId.String:
                WriteAsText(ref reader, source, writer);
                return null;
            case TypeId.Boolean:
                if (token is JsonTokenType.True or JsonTokenType.False)
                {
                    writer.WriteBooleanValue(token == JsonTokenType.True);
                    return null;
                }
                if (token == JsonTokenType.String && bool.TryParse(reader.GetString(), out var flag))
                {
                    writer.WriteBooleanValue(flag);
                    return null;
                }
                return $"expects a boolean, got {Describe(token)}";
            case TypeId.Int or TypeId.Long:
                if (!TryInteger(ref reader, out var integer))
                {
                    return $"expects an integer, got {Describe(token)}";
                }
                if (type.Id == TypeId.Int && integer is < int.MinValue or > int.MaxValue)
                {
                    return $"value {integer} is out of range for int";
                }
                writer.WriteNumberValue(integer);
                return null;
            case TypeId.Float or TypeId.Double:
                if (!TryDouble(ref reader, out var real) || !double.IsFinite(real))
                {
                    return $"expects a finite number, got {Describe(token)}";
                }
                if (type.Id == TypeId.Float && Math.Abs(real) > float.MaxValue)
                {
                    return $"value {real.ToString(CultureInfo.InvariantCulture)} is out of range for float";
                }
                writer.WriteNumberValue(real);
                return null;
            case TypeId.Date:
                if (token == JsonTokenType.String && DateOnly.TryParseExact(reader.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                {
                    writer.WriteStringValue(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                    return null;
                }
                if (token == JsonTokenType.Number && reader.TryGetInt32(out var days) && days is > -3_000_000 and < 3_000_000)
                {
                    writer.WriteStringValue(DateOnly.FromDayNumber(DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber + days).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                    return null;
                }
                return $"expects a date (yyyy-MM-dd or days since 1970-01-01), got {Describe(token)}";
            case TypeId.Time:
                if (token == JsonTokenType.String && TimeOnly.TryParse(reader.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
                {
                    writer.WriteStringValue(time.ToString("HH:mm:ss.ffffff", CultureInfo.InvariantCulture));
                    return null;
                }
                return $"expects a time (HH:mm:ss[.ffffff]), got {Describe(token)}";
            case TypeId.Timestamp or TypeId.TimestampTz or TypeId.TimestampNs:
                if (!TryInstant(ref reader, out var instant))
                {
                    return $"expects a timestamp (ISO-8601 text or epoch milliseconds), got {Describe(token)}";
                }
                writer.WriteStringValue(instant.UtcDateTime.ToString(type.Id == TypeId.TimestampTz ? "yyyy-MM-dd HH:mm:ss.ffffff+00" : "yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture));
                return null;
            case TypeId.Uuid:
                if (token == JsonTokenType.String && Guid.TryParse(reader.GetString(), out var uuid))
                {
                    writer.WriteStringValue(uuid.ToString("D"));
                    return null;
                }
                return $"expects a UUID, got {Describe(token)}";
            case TypeId.Binary:
                return WriteBinary(ref reader, null, writer);
            default:
                return $"has type {type}, which ingest cannot write";
        }
    }

    /// <summary>Strings as they are; any other value as its JSON text (nested values go to string columns whole).</summary>
    private static void WriteAsText(ref Utf8JsonReader reader, ReadOnlySpan<byte> source, Utf8JsonWriter writer)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String when !reader.ValueIsEscaped:
                writer.WriteStringValue(reader.ValueSpan);
                break;
            case JsonTokenType.String:
                writer.WriteStringValue(reader.GetString());
                break;
            case JsonTokenType.StartObject or JsonTokenType.StartArray:
                var start = (int)reader.TokenStartIndex;
                reader.Skip();
                writer.WriteStringValue(source[start..(int)reader.BytesConsumed]);
                break;
            default:
                writer.WriteStringValue(reader.ValueSpan);
                break;
        }
    }

    private static string? WriteDecimal(ref Utf8JsonReader reader, DecimalType type, Utf8JsonWriter writer)
    {
        if (reader.TokenType is not (JsonTokenType.Number or JsonTokenType.String))
        {
            return $"expects a decimal, got {Describe(reader.TokenType)}";
        }
        var text = reader.TokenType == JsonTokenType.String ? reader.GetString()!.Trim() : System.Text.Encoding.ASCII.GetString(reader.ValueSpan);
        if (!DecimalText.TryCanonical(text, type.Precision, type.Scale, out var canonical, out var problem))
        {
            return problem;
        }
        writer.WriteStringValue(canonical);
        return null;
    }

    private static string? WriteBinary(ref Utf8JsonReader reader, int? fixedLength, Utf8JsonWriter writer)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            return $"expects base64 text, got {Describe(reader.TokenType)}";
        }
        var text = reader.ValueIsEscaped ? System.Text.Encoding.UTF8.GetBytes(reader.GetString()!) : reader.ValueSpan.ToArray();
        if (!Base64.IsValid(text, out var length))
        {
            return "expects base64 text";
        }
        if (fixedLength is { } expected && length != expected)
        {
            return $"expects {expected} bytes, got {length}";
        }
        writer.WriteStringValue(text);
        return null;
    }

    private static bool TryInteger(ref Utf8JsonReader reader, out long value)
    {
        value = 0;
        return reader.TokenType switch
        {
            JsonTokenType.Number => reader.TryGetInt64(out value),
            JsonTokenType.String => long.TryParse(reader.GetString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value),
            _ => false,
        };
    }

    private static bool TryDouble(ref Utf8JsonReader reader, out double value)
    {
        value = 0;
        return reader.TokenType switch
        {
            JsonTokenType.Number => reader.TryGetDouble(out value),
            JsonTokenType.String => double.TryParse(reader.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out value),
            _ => false,
        };
    }

    private static bool TryInstant(ref Utf8JsonReader reader, out DateTimeOffset value)
    {
        value = default;
        if (reader.TokenType == JsonTokenType.Number)
        {
            if (!reader.TryGetInt64(out var ms) || ms is < -62_135_596_800_000 or > 253_402_300_799_999)
            {
                return false;
            }
            value = DateTimeOffset.FromUnixTimeMilliseconds(ms);
            return true;
        }
        return reader.TokenType == JsonTokenType.String
            && DateTimeOffset.TryParse(reader.GetString(), CultureInfo.InvariantCulture, Utc, out value);
    }

    private static string Join(string path, string name) => path.Length == 0 ? name : path + "." + name;

    public static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => token.ToString(),
    };
}
