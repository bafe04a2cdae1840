using System.Data.Common;
using Apache.Arrow;
using Apache.Arrow.Ipc;
using Iomete.Functions.Sql.Queries;

namespace Iomete.Functions.Sql.Results;

/// <summary>The rows a statement returned, as written.</summary>
public sealed record WrittenResult(IReadOnlyList<ResultColumn> Columns, long Rows, bool Truncated);

/// <summary>Drains a data reader into an Arrow IPC stream, batch by batch, keeping at most a row limit.</summary>
internal static class ArrowResultWriter
{
    public static async Task<WrittenResult> WriteAsync(DbDataReader reader, Stream output, long? rowLimit, int batchRows, CancellationToken ct)
    {
        var mappings = ColumnMapping.For(reader);
        var schema = new Schema(mappings.Select(m => m.Field), null);
        using var writer = new ArrowStreamWriter(output, schema, leaveOpen: true);
        await writer.WriteStartAsync(ct);
        var buffers = mappings.Select(m => m.NewBuffer()).ToArray();
        long rows = 0;
        var inBatch = 0;
        var truncated = false;
        while (await reader.ReadAsync(ct))
        {
            if (rows == rowLimit)
            {
                truncated = true;
                break;
            }
            for (var i = 0; i < buffers.Length; i++)
            {
                buffers[i].Append(reader, i);
            }
            rows++;
            if (++inBatch == batchRows)
            {
                await FlushAsync(writer, schema, buffers, inBatch, ct);
                inBatch = 0;
            }
        }
        if (inBatch > 0)
        {
            await FlushAsync(writer, schema, buffers, inBatch, ct);
        }
        await writer.WriteEndAsync(ct);
        return new WrittenResult(mappings.Select(m => m.Column).ToList(), rows, truncated);
    }

    private static async Task FlushAsync(ArrowStreamWriter writer, Schema schema, ColumnBuffer[] buffers, int length, CancellationToken ct)
    {
        using var batch = new RecordBatch(schema, buffers.Select(b => b.Flush()), length);
        await writer.WriteRecordBatchAsync(batch, ct);
    }
}
