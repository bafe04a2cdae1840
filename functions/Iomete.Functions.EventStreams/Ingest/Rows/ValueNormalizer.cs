using System.Buffers.Text;
using System.Globalization;
using System.Text.Json;
using Iomete.Iceberg.Types;

namespace Iomete.Functions.EventStreams.Ingest.Rows;

/// <summary>
/// Checks one JSON value against a column type and writes it in the canonical form the committer's
/// <c>read_json</c> reads back without surprises: integers and floats as their checked raw tokens, top-level
/// timestamps as epoch microseconds, decimals and other temporal values as exact text, binary as base64 text, nested
/// values recursively, and anything under a string column as text (objects and arrays as their JSON). The reader
/// starts on the value's first token and ends on its last; after a problem it is left where the problem was found.
/// </summary>
internal static class ValueNormalizer
{
    /// <summary>Writes a struct's (or a row's) known fields; unknown names are ignored, missing required ones reported.</summary>
    /// <returns>Null when written; otherwise the path and reason of the first problem.</returns>
    public static (string Path, string Message)? WriteFields(
        ref Utf8JsonReader reader, ReadOnlySpan<byte> source, FieldLookup fields, string path, RowBuffer output, ref bool wroteAny)
    {
        Span<bool> seen = fields.All.Count <= 256 ? stackalloc bool[fields.All.Count] : new bool[fields.All.Count];
        var previous = -1;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var column = fields.Find(ref reader, previous);
            reader.Read();
            if (column is null)
            {
                reader.Skip();
                continue;
            }
            previous = column.Index;
            seen[column.Index] = true;
            if (reader.TokenType == JsonTokenType.Null && !column.Field.Required)
            {
                continue;
            }
            if (wroteAny)
            {
                output.Byte((byte)',');
            }
            wroteAny = true;
            output.Bytes(column.QuotedName);
            if (Write(ref reader, source, column, output) is { } problem)
            {
                return problem;
            }
        }
        if (fields.Required.Count > 0)
        {
            foreach (var required in fields.Required)
            {
                if (!seen[required.Index])
                {
                    return (path.Length == 0 ? required.Field.Name : path + "." + required.Field.Name, "is required and missing");
                }
            }
        }
        return null;
    }

    private static (string Path, string Message)? Write(ref Utf8JsonReader reader, ReadOnlySpan<byte> source, ColumnPlan column, RowBuffer output)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            if (column.Field.Required)
            {
                return (column.Path, "is required and cannot be null");
            }
            output.Bytes("null"u8);
            return null;
        }
        return column.Type switch
        {
            StructType => WriteStruct(ref reader, source, column, output),
            ListType => WriteList(ref reader, source, column, output),
            MapType => WriteMap(ref reader, source, column, output),
            PrimitiveType p => WritePrimitive(ref reader, source, p, column.Micros, output) is { } message ? (column.Path, message) : null,
            _ => (column.Path, $"has type {column.Type}, which ingest cannot write"),
        };
    }

    private static (string, string)? WriteStruct(ref Utf8JsonReader reader, ReadOnlySpan<byte> source, ColumnPlan column, RowBuffer output)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return (column.Path, $"expects an object, got {Describe(reader.TokenType)}");
        }
        output.Byte((byte)'{');
        var wroteAny = false;
        var problem = WriteFields(ref reader, source, column.Fields!, column.Path, output, ref wroteAny);
        output.Byte((byte)'}');
        return problem;
    }

    private static (string, string)? WriteList(ref Utf8JsonReader reader, ReadOnlySpan<byte> source, ColumnPlan column, RowBuffer output)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return (column.Path, $"expects an array, got {Describe(reader.TokenType)}");
        }
        output.Byte((byte)'[');
        var first = true;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (!first)
            {
                output.Byte((byte)',');
            }
            first = false;
            if (Write(ref reader, source, column.Element!, output) is { } problem)
            {
                return problem;
            }
        }
        output.Byte((byte)']');
        return null;
    }

    private static (string, string)? WriteMap(ref Utf8JsonReader reader, ReadOnlySpan<byte> source, ColumnPlan column, RowBuffer output)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return (column.Path, $"expects an object, got {Describe(reader.TokenType)}");
        }
        output.Byte((byte)'{');
        var first = true;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (!first)
            {
                output.Byte((byte)',');
            }
            first = false;
            output.Quoted(reader.ValueSpan);
            output.Byte((byte)':');
            reader.Read();
            if (Write(ref reader, source, column.Element!, output) is { } problem)
            {
                return problem;
            }
        }
        output.Byte((byte)'}');
        return null;
    }

    private static string? WritePrimitive(ref Utf8JsonReader reader, ReadOnlySpan<byte> source, PrimitiveType type, bool micros, RowBuffer output)
    {
        var token = reader.TokenType;
        switch (type)
        {
            case DecimalType d:
                return WriteDecimal(ref reader, d, output);
            case FixedType f:
                return WriteBinary(ref reader, f.Length, output);
        }
        switch (type.Id)
        {
            case TypeId.String:
                WriteAsText(ref reader, source, output);
                return null;
            case TypeId.Boolean:
                if (token is JsonTokenType.True or JsonTokenType.False)
                {
                    output.Bytes(token == JsonTokenType.True ? "true"u8 : "false"u8);
                    return null;
                }
                if (token == JsonTokenType.String && bool.TryParse(reader.GetString(), out var flag))
                {
                    output.Bytes(flag ? "true"u8 : "false"u8);
                    return null;
                }
                return $"expects a boolean, got {Describe(token)}";
            case TypeId.Int or TypeId.Long:
                long integer;
                if (token == JsonTokenType.Number && reader.TryGetInt64(out integer))
                {
                    if (type.Id == TypeId.Int && integer is < int.MinValue or > int.MaxValue)
                    {
                        return $"value {integer} is out of range for int";
                    }
                    output.Bytes(reader.ValueSpan);
                    return null;
                }
                if (token == JsonTokenType.String && long.TryParse(reader.GetString(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out integer)
                    && (type.Id == TypeId.Long || integer is >= int.MinValue and <= int.MaxValue))
                {
                    output.Long(integer);
                    return null;
                }
                return $"expects an integer{(type.Id == TypeId.Int ? " (int range)" : "")}, got {Describe(token)}";
            case TypeId.Float or TypeId.Double:
                double real;
                var ok = token switch
                {
                    JsonTokenType.Number => reader.TryGetDouble(out real),
                    JsonTokenType.String => double.TryParse(reader.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out real),
                    _ => (real = 0) is 1,
                };
                if (!ok || !double.IsFinite(real))
                {
                    return $"expects a finite number, got {Describe(token)}";
                }
                if (type.Id == TypeId.Float && Math.Abs(real) > float.MaxValue)
                {
                    return $"value {real.ToString(CultureInfo.InvariantCulture)} is out of range for float";
                }
                if (token == JsonTokenType.Number)
                {
                    output.Bytes(reader.ValueSpan);
                }
                else
                {
                    output.Double(real);
                }
                return null;
            case TypeId.Date:
                if (token == JsonTokenType.String && DateOnly.TryParseExact(reader.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                {
                    output.Quoted(System.Text.Encoding.ASCII.GetBytes(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
                    return null;
                }
                if (token == JsonTokenType.Number && reader.TryGetInt32(out var days) && days is > -700_000 and < 2_900_000)
                {
                    var day = DateOnly.FromDayNumber(DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber + days);
                    output.Quoted(System.Text.Encoding.ASCII.GetBytes(day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
                    return null;
                }
                return $"expects a date (yyyy-MM-dd or days since 1970-01-01), got {Describe(token)}";
            case TypeId.Time:
                if (token == JsonTokenType.String && TimeOnly.TryParse(reader.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
                {
                    output.Quoted(System.Text.Encoding.ASCII.GetBytes(time.ToString("HH:mm:ss.ffffff", CultureInfo.InvariantCulture)));
                    return null;
                }
                return $"expects a time (HH:mm:ss[.ffffff]), got {Describe(token)}";
            case TypeId.Timestamp or TypeId.TimestampTz or TypeId.TimestampNs:
                long instant = 0;
                var parsed = token switch
                {
                    JsonTokenType.Number => reader.TryGetInt64(out var millis) && IsoInstant.FromMillis(millis, out instant),
                    JsonTokenType.String when !reader.ValueIsEscaped => IsoInstant.TryParse(reader.ValueSpan, out instant),
                    JsonTokenType.String => IsoInstant.TryParse(System.Text.Encoding.UTF8.GetBytes(reader.GetString()!), out instant),
                    _ => false,
                };
                if (!parsed)
                {
                    return $"expects a timestamp (ISO-8601 text or epoch milliseconds), got {Describe(token)}";
                }
                if (micros)
                {
                    output.Long(instant);
                }
                else
                {
                    output.Quoted(System.Text.Encoding.ASCII.GetBytes(IsoInstant.Text(instant, type.Id == TypeId.TimestampTz)));
                }
                return null;
            case TypeId.Uuid:
                if (token == JsonTokenType.String && !reader.ValueIsEscaped && Utf8Parser.TryParse(reader.ValueSpan, out Guid uuid, out var used) && used == reader.ValueSpan.Length)
                {
                    output.Byte((byte)'"');
                    output.Formatted(uuid, "D");
                    output.Byte((byte)'"');
                    return null;
                }
                return $"expects a UUID, got {Describe(token)}";
            case TypeId.Binary:
                return WriteBinary(ref reader, null, output);
            default:
                return $"has type {type}, which ingest cannot write";
        }
    }

    /// <summary>Strings as they are; any other value as its JSON text (nested values go to string columns whole).</summary>
    private static void WriteAsText(ref Utf8JsonReader reader, ReadOnlySpan<byte> source, RowBuffer output)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                output.Quoted(reader.ValueSpan);
                break;
            case JsonTokenType.StartObject or JsonTokenType.StartArray:
                var start = (int)reader.TokenStartIndex;
                reader.Skip();
                output.Escaped(source[start..(int)reader.BytesConsumed]);
                break;
            default:
                output.Quoted(reader.ValueSpan);
                break;
        }
    }

    private static string? WriteDecimal(ref Utf8JsonReader reader, DecimalType type, RowBuffer output)
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
        output.Quoted(System.Text.Encoding.ASCII.GetBytes(canonical));
        return null;
    }

    private static string? WriteBinary(ref Utf8JsonReader reader, int? fixedLength, RowBuffer output)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            return $"expects base64 text, got {Describe(reader.TokenType)}";
        }
        var text = reader.ValueIsEscaped ? System.Text.Encoding.UTF8.GetBytes(reader.GetString()!) : reader.ValueSpan;
        if (!Base64.IsValid(text, out var length))
        {
            return "expects base64 text";
        }
        if (fixedLength is { } expected && length != expected)
        {
            return $"expects {expected} bytes, got {length}";
        }
        output.Quoted(text);
        return null;
    }

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
