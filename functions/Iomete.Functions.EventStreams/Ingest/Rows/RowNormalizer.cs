using System.Text.Json;
using System.Text.Unicode;
using Iomete.Functions.EventStreams.Streams;

namespace Iomete.Functions.EventStreams.Ingest.Rows;

/// <summary>
/// Turns a request body (a JSON array of objects, one object, or NDJSON) into normalized rows for one table, in one
/// pass over the body. Each row is checked on its own: good rows are written, bad rows are reported with their index
/// and column and, when the stream dead-letters, kept as their original JSON for the dead-letter table.
/// </summary>
internal static class RowNormalizer
{
    public const int MaxListedErrors = 100;
    private static readonly JsonReaderOptions ReaderOptions = new() { CommentHandling = JsonCommentHandling.Disallow, MaxDepth = 64 };

    public static NormalizedBody Normalize(ReadOnlySpan<byte> body, bool ndjson, TableShape shape, InvalidRowPolicy policy, long ingestMicros)
    {
        if (!Utf8.IsValid(body))
        {
            return NormalizedBody.Fail("The body is not valid UTF-8.");
        }
        var state = new RowSink(shape, policy, ingestMicros, body.Length);
        return ndjson ? NormalizeLines(body, state) : NormalizeJson(body, state);
    }

    private static NormalizedBody NormalizeJson(ReadOnlySpan<byte> body, RowSink state)
    {
        if (body.Trim(" \t\r\n"u8).Length == 0)
        {
            return NormalizedBody.Fail("The body is empty; send a JSON array of objects, one JSON object, or NDJSON.");
        }
        var reader = new Utf8JsonReader(body, ReaderOptions);
        try
        {
            reader.Read();
            if (reader.TokenType == JsonTokenType.StartObject)
            {
                state.Row(ref reader, body);
            }
            else if (reader.TokenType == JsonTokenType.StartArray)
            {
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    if (reader.TokenType == JsonTokenType.StartObject)
                    {
                        state.Row(ref reader, body);
                        continue;
                    }
                    var start = (int)reader.TokenStartIndex;
                    var token = reader.TokenType;
                    reader.Skip();
                    state.Bad(body[start..(int)reader.BytesConsumed], "", $"each event must be a JSON object, got {ValueNormalizer.Describe(token)}");
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

    private static NormalizedBody NormalizeLines(ReadOnlySpan<byte> body, RowSink state)
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
            var mark = state.Mark();
            try
            {
                var reader = new Utf8JsonReader(trimmed, ReaderOptions);
                reader.Read();
                if (state.Row(ref reader, trimmed) && reader.Read())
                {
                    state.Undo(mark);
                    state.Bad(trimmed, "", "each line must hold exactly one JSON object");
                }
            }
            catch (JsonException e)
            {
                state.Undo(mark);
                state.Bad(trimmed, "", $"not valid JSON: {e.Message}");
            }
        }
        return state.Result();
    }
}
