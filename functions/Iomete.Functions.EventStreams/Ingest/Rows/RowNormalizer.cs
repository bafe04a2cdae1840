using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Iomete.Functions.EventStreams.Streams;

namespace Iomete.Functions.EventStreams.Ingest.Rows;

/// <summary>
/// Turns a request body (a JSON array of objects, one object, or NDJSON) into normalized rows for one table. Each row
/// is checked on its own: good rows are written, bad rows are reported with their index and column, and, when the
/// stream dead-letters, kept as their original JSON for the dead-letter table.
/// </summary>
internal static class RowNormalizer
{
    public const int MaxListedErrors = 100;
    private static readonly JsonEncodedText TimestampName = JsonEncodedText.Encode(SystemColumns.Timestamp);
    private static readonly JsonWriterOptions WriterOptions = new() { SkipValidation = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static NormalizedBody Normalize(ReadOnlySpan<byte> body, bool ndjson, TableShape shape, InvalidRowPolicy policy, long ingestMicros)
    {
        if (!Utf8.IsValid(body))
        {
            return NormalizedBody.Fail("The body is not valid UTF-8.");
        }
        var state = new State(shape, policy, ingestMicros, body.Length);
        return ndjson ? NormalizeLines(body, state) : NormalizeJson(body, state);
    }

    private static NormalizedBody NormalizeJson(ReadOnlySpan<byte> body, State state)
    {
        if (body.Trim(" \t\r\n"u8).Length == 0)
        {
            return NormalizedBody.Fail("The body is empty; send a JSON array of objects, one JSON object, or NDJSON.");
        }
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow, MaxDepth = 64 });
        try
        {
            reader.Read();
            if (reader.TokenType == JsonTokenType.StartObject)
            {
                var start = (int)reader.TokenStartIndex;
                reader.Skip();
                state.Row(body[start..(int)reader.BytesConsumed]);
            }
            else if (reader.TokenType == JsonTokenType.StartArray)
            {
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    var start = (int)reader.TokenStartIndex;
                    var token = reader.TokenType;
                    reader.Skip();
                    var slice = body[start..(int)reader.BytesConsumed];
                    if (token == JsonTokenType.StartObject)
                    {
                        state.Row(slice);
                    }
                    else
                    {
                        state.Bad(slice, "", $"each event must be a JSON object, got {ValueNormalizer.Describe(token)}");
                    }
                }
            }
            else
            {
                return NormalizedBody.Fail($"The body must be a JSON array of objects or one JSON object, not {ValueNormalizer.Describe(reader.TokenType)}.");
            }
            if (reader.Read())
            {
                return NormalizedBody.Fail($"Unexpected content after the JSON value at byte {reader.TokenStartIndex}.");
            }
        }
        catch (JsonException e)
        {
            return NormalizedBody.Fail($"The body is not valid JSON: {e.Message}");
        }
        return state.Result();
    }

    private static NormalizedBody NormalizeLines(ReadOnlySpan<byte> body, State state)
    {
        while (body.Length > 0)
        {
            var end = body.IndexOf((byte)'\n');
            var line = end < 0 ? body : body[..end];
            body = end < 0 ? default : body[(end + 1)..];
            var trimmed = line.Trim(" \t\r"u8);
            if (trimmed.Length == 0)
            {
                continue;
            }
            if (trimmed[0] != (byte)'{')
            {
                state.Bad(trimmed, "", "each line must be one JSON object");
                continue;
            }
            try
            {
                var reader = new Utf8JsonReader(trimmed, new JsonReaderOptions { MaxDepth = 64 });
                reader.Read();
                reader.Skip();
                if (reader.Read())
                {
                    state.Bad(trimmed, "", "each line must hold exactly one JSON object");
                    continue;
                }
            }
            catch (JsonException e)
            {
                state.Bad(trimmed, "", $"not valid JSON: {e.Message}");
                continue;
            }
            state.Row(trimmed);
        }
        return state.Result();
    }

    /// <summary>Accumulates one request's output; a row is written to a side buffer first so a bad row leaves no trace.</summary>
    private sealed class State
    {
        private readonly TableShape shape;
        private readonly InvalidRowPolicy policy;
        private readonly long ingestMicros;
        private readonly ArrayBufferWriter<byte> rows;
        private readonly ArrayBufferWriter<byte> row = new(1024);
        private readonly Utf8JsonWriter rowWriter;
        private readonly List<RowError> errors = [];
        private ArrayBufferWriter<byte>? deadRows;
        private int index;
        private int good;
        private int invalid;

        public State(TableShape shape, InvalidRowPolicy policy, long ingestMicros, int bodyLength)
        {
            this.shape = shape;
            this.policy = policy;
            this.ingestMicros = ingestMicros;
            rows = new ArrayBufferWriter<byte>(Math.Max(256, bodyLength + (bodyLength / 4)));
            rowWriter = new Utf8JsonWriter(row, WriterOptions);
        }

        public void Row(ReadOnlySpan<byte> json)
        {
            row.ResetWrittenCount();
            rowWriter.Reset(row);
            var reader = new Utf8JsonReader(json);
            reader.Read();
            rowWriter.WriteStartObject();
            var problem = ValueNormalizer.WriteFields(ref reader, json, shape.Columns, "", rowWriter);
            if (problem is { } p)
            {
                Bad(json, p.Path, p.Message);
                return;
            }
            rowWriter.WriteNumber(TimestampName, ingestMicros);
            rowWriter.WriteEndObject();
            rowWriter.Flush();
            if (invalid == 0 || policy == InvalidRowPolicy.DeadLetter)
            {
                rows.Write(row.WrittenSpan);
                rows.Write("\n"u8);
            }
            good++;
            index++;
        }

        public void Bad(ReadOnlySpan<byte> json, string column, string message)
        {
            invalid++;
            if (errors.Count < MaxListedErrors)
            {
                errors.Add(new RowError(index, column, message));
            }
            if (policy == InvalidRowPolicy.DeadLetter)
            {
                deadRows ??= new ArrayBufferWriter<byte>();
                using var writer = new Utf8JsonWriter(deadRows, WriterOptions);
                writer.WriteStartObject();
                writer.WriteNumber("row_index", index);
                writer.WriteString("payload", json);
                writer.WriteString("error_column", column);
                writer.WriteString("error", message);
                writer.WriteNumber(TimestampName, ingestMicros);
                writer.WriteEndObject();
                writer.Flush();
                deadRows.Write("\n"u8);
            }
            index++;
        }

        public NormalizedBody Result() => new()
        {
            Rows = invalid > 0 && policy == InvalidRowPolicy.Reject ? default : rows.WrittenMemory,
            RowCount = invalid > 0 && policy == InvalidRowPolicy.Reject ? 0 : good,
            DeadLetterRows = deadRows?.WrittenMemory ?? default,
            DeadLetterCount = policy == InvalidRowPolicy.DeadLetter ? invalid : 0,
            InvalidCount = invalid,
            Errors = errors,
        };
    }
}
