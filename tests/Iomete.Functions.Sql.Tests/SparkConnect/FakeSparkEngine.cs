using System.Runtime.CompilerServices;
using Apache.Arrow;
using Apache.Arrow.Ipc;
using Apache.Arrow.Types;
using DuckDB.NET.Data;
using Google.Protobuf;
using Iomete.Functions.Sql.Results;
using Iomete.Functions.Sql.SparkConnect.Protocol;

namespace Iomete.Functions.Sql.Tests.SparkConnect;

/// <summary>An error the stand-in reports as a gRPC status, with Spark's "[ERROR_CLASS] message" form.</summary>
internal sealed class FakeSparkException(string message) : Exception(message);

/// <summary>What the stand-in answers to a plan: Arrow batches, or the relation of a SQL command.</summary>
internal sealed record FakeAnswer(ExecutePlanResponse.Types.ArrowBatch? Batch, Relation? Relation);

/// <summary>
/// Answers plans the way a Spark Connect server does, with DuckDB doing the SQL (backticks become DuckDB's double quotes).
/// Queries stream one Arrow IPC stream per batch of <c>batchRows</c> rows; commands answer a local relation holding their
/// output (SHOW, DESCRIBE), an empty local relation (DDL, DML), a SQL relation (a query sent as a command) or nothing (USE).
/// Two canned tables: <c>canned.slow</c> sends one row and then waits to be interrupted; <c>canned.nested</c> has Arrow
/// types DuckDB does not produce here (NULL-typed, list, struct).
/// </summary>
internal sealed class FakeSparkEngine(int batchRows) : IDisposable
{
    public const string Slow = "SELECT * FROM canned.slow";
    public const string Nested = "SELECT * FROM canned.nested";

    private readonly SemaphoreSlim _lock = new(1, 1);
    private readonly DuckDBConnection _duck = Open();

    public async IAsyncEnumerable<FakeAnswer> AnswerAsync(Plan plan, [EnumeratorCancellation] CancellationToken ct)
    {
        if (plan.Root?.Sql is { } sql)
        {
            if (sql.Query == Slow)
            {
                yield return new FakeAnswer(Batch(Ipc(SlowBatch())), null);
                await Task.Delay(Timeout.Infinite, ct);
            }
            var batches = sql.Query == Nested ? [Ipc(NestedBatch())] : await RunAsync(sql.Query, batchRows, ct);
            foreach (var batch in batches)
            {
                yield return new FakeAnswer(Batch(batch), null);
            }
        }
        else if (plan.Root?.LocalRelation is { } local)
        {
            yield return new FakeAnswer(Batch(local.HasData ? local.Data.ToByteArray() : Ipc(new RecordBatch(new Schema([], null), [], 0))), null);
        }
        else if (plan.Command?.SqlCommand is { } command)
        {
            var text = command.Sql.TrimStart();
            var first = text.Split([' ', '\n', '\t'], 2)[0].ToUpperInvariant();
            switch (first)
            {
                case "USE":
                    await RunAsync(text, batchRows, ct);
                    break;
                case "SHOW" or "DESCRIBE":
                    var all = await RunAsync(text, int.MaxValue, ct);
                    yield return new FakeAnswer(null, new Relation { LocalRelation = new LocalRelation { Data = ByteString.CopyFrom(all[0]) } });
                    break;
                case "SELECT" or "WITH":
                    yield return new FakeAnswer(null, new Relation { Sql = new SQL { Query = text } });
                    break;
                default:
                    await RunAsync(text, batchRows, ct);
                    yield return new FakeAnswer(null, new Relation { LocalRelation = new LocalRelation() });
                    break;
            }
        }
        else
        {
            throw new FakeSparkException("[UNSUPPORTED_FEATURE] The stand-in answers SQL relations, local relations and SQL commands only.");
        }
    }

    /// <summary>Runs a statement; its rows as Arrow IPC streams of at most <paramref name="rows"/> rows each (at least one stream).</summary>
    private async Task<List<byte[]>> RunAsync(string sql, int rows, CancellationToken ct)
    {
        await _lock.WaitAsync(ct);
        try
        {
            using var command = _duck.CreateCommand();
            command.CommandText = sql.Replace('`', '"');
            using var whole = new MemoryStream();
            await using (var reader = await command.ExecuteReaderAsync(ct))
            {
                await ArrowResultWriter.WriteAsync(reader, whole, null, rows, ct);
            }
            whole.Position = 0;
            using var read = new ArrowStreamReader(whole);
            var streams = new List<byte[]>();
            while (await read.ReadNextRecordBatchAsync(ct) is { } batch)
            {
                using (batch)
                {
                    streams.Add(Ipc(batch));
                }
            }
            return streams.Count > 0 ? streams : [Ipc(new RecordBatch(read.Schema, read.Schema.FieldsList.Select(EmptyArray), 0))];
        }
        catch (DuckDBException ex)
        {
            var errorClass = ex.Message.StartsWith("Parser Error", StringComparison.Ordinal) ? "PARSE_SYNTAX_ERROR"
                : ex.Message.StartsWith("Catalog Error", StringComparison.Ordinal) ? "TABLE_OR_VIEW_NOT_FOUND"
                : "INTERNAL_ERROR";
            throw new FakeSparkException($"[{errorClass}] {ex.Message}");
        }
        finally
        {
            _lock.Release();
        }
    }

    private static IArrowArray EmptyArray(Field field) => field.DataType switch
    {
        StringType => new StringArray.Builder().Build(),
        Int32Type => new Int32Array.Builder().Build(),
        Int64Type => new Int64Array.Builder().Build(),
        _ => throw new FakeSparkException($"[INTERNAL_ERROR] The stand-in builds no empty {field.DataType.Name} column."),
    };

    private static ExecutePlanResponse.Types.ArrowBatch Batch(byte[] ipc)
    {
        using var reader = new ArrowStreamReader(ipc);
        long count = 0;
        while (reader.ReadNextRecordBatch() is { } batch)
        {
            count += batch.Length;
            batch.Dispose();
        }
        return new ExecutePlanResponse.Types.ArrowBatch { RowCount = count, Data = ByteString.CopyFrom(ipc) };
    }

    public static byte[] Ipc(RecordBatch batch)
    {
        using var buffer = new MemoryStream();
        using (var writer = new ArrowStreamWriter(buffer, batch.Schema, leaveOpen: true))
        {
            writer.WriteStart();
            if (batch.ColumnCount > 0)
            {
                writer.WriteRecordBatch(batch);
            }
            writer.WriteEnd();
        }
        return buffer.ToArray();
    }

    private static RecordBatch SlowBatch() =>
        new RecordBatch.Builder().Append("n", false, new Int32Array.Builder().Append(1)).Build();

    private static RecordBatch NestedBatch()
    {
        var listType = new ListType(Int32Type.Default);
        var tags = new ListArray.Builder(Int32Type.Default);
        var values = (Int32Array.Builder)tags.ValueBuilder;
        tags.Append();
        values.Append(1).Append(2);
        tags.AppendNull();
        var pointType = new StructType([new Field("x", Int32Type.Default, true), new Field("label", StringType.Default, true)]);
        var point = new StructArray(pointType, 2,
            [new Int32Array.Builder().Append(3).Append(4).Build(), new StringArray.Builder().Append("a").AppendNull().Build()],
            ArrowBuffer.Empty, nullCount: 0);
        var schema = new Schema([new Field("nothing", NullType.Default, true), new Field("tags", listType, true), new Field("point", pointType, true)], null);
        return new RecordBatch(schema, [new NullArray(2), tags.Build(), point], 2);
    }

    private static DuckDBConnection Open()
    {
        var connection = new DuckDBConnection("Data Source=:memory:");
        connection.Open();
        return connection;
    }

    public void Dispose()
    {
        _duck.Dispose();
        _lock.Dispose();
    }
}
