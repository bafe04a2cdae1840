using System.Text.Json;
using Iomete.Functions.EventStreams.Streams;

namespace Iomete.Functions.EventStreams.Ingest.Rows;

/// <summary>One request's output: rows written straight into the batch buffer (a bad row is cut off again), dead letters and errors.</summary>
internal sealed class RowSink(TableShape shape, InvalidRowPolicy policy, long ingestMicros, int bodyLength)
{
    private readonly RowBuffer rows = new(bodyLength + (bodyLength / 8));
    private readonly List<RowError> errors = [];
    private RowBuffer? deadRows;
    private int index;
    private int good;
    private int invalid;

    public (int Length, int Good, int Index) Mark() => (rows.Length, good, index);

    public void Undo((int Length, int Good, int Index) mark)
    {
        rows.Truncate(mark.Length);
        good = mark.Good;
        index = mark.Index;
    }

    /// <summary>Normalizes the object the reader is on (a row) and leaves the reader on its end.</summary>
    /// <returns>True when the row was written.</returns>
    public bool Row(ref Utf8JsonReader reader, ReadOnlySpan<byte> source)
    {
        var depth = reader.CurrentDepth;
        var start = (int)reader.TokenStartIndex;
        var mark = rows.Length;
        rows.Byte((byte)'{');
        var wroteAny = false;
        var problem = ValueNormalizer.WriteFields(ref reader, source, shape.Columns, "", rows, ref wroteAny);
        if (problem is { } p)
        {
            rows.Truncate(mark);
            while (!(reader.TokenType == JsonTokenType.EndObject && reader.CurrentDepth == depth) && reader.Read())
            {
            }
            Bad(source[start..(int)reader.BytesConsumed], p.Path, p.Message);
            return false;
        }
        if (wroteAny)
        {
            rows.Byte((byte)',');
        }
        rows.Bytes("\"__ts__\":"u8);
        rows.Long(ingestMicros);
        rows.Bytes("}\n"u8);
        good++;
        index++;
        return true;
    }

    public void Bad(ReadOnlySpan<byte> json, string column, string message)
    {
        invalid++;
        if (errors.Count < RowNormalizer.MaxListedErrors)
        {
            errors.Add(new RowError(index, column, message));
        }
        if (policy == InvalidRowPolicy.DeadLetter)
        {
            deadRows ??= new RowBuffer(1024);
            deadRows.Bytes("{\"row_index\":"u8);
            deadRows.Long(index);
            deadRows.Bytes(",\"payload\":"u8);
            deadRows.Escaped(json);
            deadRows.Bytes(",\"error_column\":"u8);
            deadRows.Escaped(System.Text.Encoding.UTF8.GetBytes(column));
            deadRows.Bytes(",\"error\":"u8);
            deadRows.Escaped(System.Text.Encoding.UTF8.GetBytes(message));
            deadRows.Bytes(",\"__ts__\":"u8);
            deadRows.Long(ingestMicros);
            deadRows.Bytes("}\n"u8);
        }
        index++;
    }

    public NormalizedBody Result()
    {
        var rejected = invalid > 0 && policy == InvalidRowPolicy.Reject;
        return new NormalizedBody
        {
            Rows = rejected ? default : rows.Memory,
            RowCount = rejected ? 0 : good,
            DeadLetterRows = deadRows?.Memory ?? default,
            DeadLetterCount = policy == InvalidRowPolicy.DeadLetter ? invalid : 0,
            InvalidCount = invalid,
            Errors = errors,
        };
    }
}
