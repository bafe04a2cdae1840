using Apache.Arrow;
using Apache.Arrow.Ipc;
using Iomete.Functions.Sql.Results;

namespace Iomete.Functions.Sql.SparkConnect;

/// <summary>
/// Writes the Arrow batches a Spark cluster streams (each an Arrow IPC stream of its own) into one Arrow IPC stream, the
/// stored-result format, keeping at most a row limit. A result whose schema has no columns (most commands) is no result.
/// </summary>
internal sealed class SparkResultSink(Stream output, long? rowLimit) : IDisposable
{
    private ArrowStreamWriter? _writer;
    private Schema? _schema;
    private IReadOnlyList<SparkColumn>? _columns;
    private long _rows;
    private bool _truncated;

    /// <summary>True once the row limit is reached: later batches are not needed.</summary>
    public bool Full => _truncated;

    public async Task AppendAsync(ReadOnlyMemory<byte> ipc, CancellationToken ct)
    {
        using var reader = new ArrowStreamReader(ipc);
        while (!_truncated && await reader.ReadNextRecordBatchAsync(ct) is { } batch)
        {
            using (batch)
            {
                await EnsureStartedAsync(batch.Schema, ct);
                await WriteAsync(batch, ct);
            }
        }
        if (_columns is null && !_truncated)
        {
            // A stream with a schema and no batch still says what the (empty) result looks like.
            await EnsureStartedAsync(reader.Schema, ct);
        }
    }

    /// <summary>Ends the stream; null when no columns came back.</summary>
    public async Task<WrittenResult?> CompleteAsync(CancellationToken ct)
    {
        if (_writer is null || _columns is null)
        {
            return null;
        }
        await _writer.WriteEndAsync(ct);
        return new WrittenResult(_columns.Select(c => c.Column).ToList(), _rows, _truncated);
    }

    private async Task EnsureStartedAsync(Schema? source, CancellationToken ct)
    {
        if (_columns is not null || source is null || source.FieldsList.Count == 0)
        {
            return;
        }
        _columns = source.FieldsList.Select(SparkColumn.For).ToList();
        _schema = new Schema(_columns.Select(c => c.Field), null);
        _writer = new ArrowStreamWriter(output, _schema, leaveOpen: true);
        await _writer.WriteStartAsync(ct);
    }

    private async Task WriteAsync(RecordBatch batch, CancellationToken ct)
    {
        if (_writer is null || _columns is null || _schema is null || batch.ColumnCount != _columns.Count)
        {
            return;
        }
        var length = batch.Length;
        if (rowLimit is { } full && _rows == full && length > 0)
        {
            _truncated = true;
            return;
        }
        if (rowLimit is { } limit && _rows + length > limit)
        {
            length = (int)(limit - _rows);
            _truncated = true;
        }
        if (length == 0)
        {
            return;
        }
        var arrays = new IArrowArray[_columns.Count];
        for (var i = 0; i < arrays.Length; i++)
        {
            var column = batch.Column(i);
            arrays[i] = _columns[i].Convert(length == batch.Length ? column : ArrowArrayFactory.Slice(column, 0, length));
        }
        // Not disposed: kept columns are the incoming batch's own arrays, which it disposes.
        var converted = new RecordBatch(_schema, arrays, length);
        await _writer.WriteRecordBatchAsync(converted, ct);
        _rows += length;
    }

    public void Dispose() => _writer?.Dispose();
}
