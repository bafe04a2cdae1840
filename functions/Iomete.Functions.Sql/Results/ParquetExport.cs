using Apache.Arrow;
using Apache.Arrow.Ipc;
using Apache.Arrow.Types;
using DuckDB.NET.Data;

namespace Iomete.Functions.Sql.Results;

/// <summary>
/// Converts a stored Arrow result to Parquet with a private in-memory DuckDB: the rows go through an appender
/// into a table of the matching DuckDB types, then <c>COPY … TO</c> a temporary file that is streamed out.
/// </summary>
internal static class ParquetExport
{
    public static async Task WriteAsync(ResultStore results, string key, Stream output, CancellationToken ct)
    {
        var file = Path.Combine(Path.GetTempPath(), $"iomete-sql-export-{Guid.NewGuid():N}.parquet");
        try
        {
            await using (var connection = new DuckDBConnection("DataSource=:memory:"))
            {
                await connection.OpenAsync(ct);
                await using var stream = await results.OpenAsync(key, ct);
                using var reader = new ArrowStreamReader(stream);
                var batch = await reader.ReadNextRecordBatchAsync(ct);
                var schema = reader.Schema;
                await ExecuteAsync(connection, $"CREATE TABLE result ({string.Join(", ", schema.FieldsList.Select(f => $"{Ident(f.Name)} {DuckType(f.DataType)}"))})", ct);
                using (var appender = connection.CreateAppender("result"))
                {
                    while (batch is not null)
                    {
                        using (batch)
                        {
                            Append(appender, batch);
                        }
                        batch = await reader.ReadNextRecordBatchAsync(ct);
                    }
                }
                await ExecuteAsync(connection, $"COPY result TO '{file.Replace("'", "''", StringComparison.Ordinal)}' (FORMAT parquet)", ct);
            }
            await using var parquet = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
            await parquet.CopyToAsync(output, ct);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static void Append(DuckDBAppender appender, RecordBatch batch)
    {
        for (var row = 0; row < batch.Length; row++)
        {
            var target = appender.CreateRow();
            for (var c = 0; c < batch.ColumnCount; c++)
            {
                var array = batch.Column(c);
                if (array.IsNull(row))
                {
                    target.AppendNullValue();
                    continue;
                }
                _ = array switch
                {
                    Int8Array a => target.AppendValue(a.GetValue(row)),
                    Int16Array a => target.AppendValue(a.GetValue(row)),
                    Int32Array a => target.AppendValue(a.GetValue(row)),
                    Int64Array a => target.AppendValue(a.GetValue(row)),
                    UInt8Array a => target.AppendValue(a.GetValue(row)),
                    UInt16Array a => target.AppendValue(a.GetValue(row)),
                    UInt32Array a => target.AppendValue(a.GetValue(row)),
                    UInt64Array a => target.AppendValue(a.GetValue(row)),
                    FloatArray a => target.AppendValue(a.GetValue(row)),
                    DoubleArray a => target.AppendValue(a.GetValue(row)),
                    BooleanArray a => target.AppendValue(a.GetValue(row)),
                    Decimal128Array a => target.AppendValue(a.GetValue(row)),
                    StringArray a => target.AppendValue(a.GetString(row)),
                    Date32Array a => target.AppendValue(a.GetDateOnly(row)),
                    Time64Array a => target.AppendValue(TimeOnly.FromTimeSpan(TimeSpan.FromMicroseconds(a.GetMicroSeconds(row)!.Value))),
                    TimestampArray a when ((TimestampType)a.Data.DataType).Timezone is null => target.AppendValue(a.GetTimestamp(row)!.Value.UtcDateTime),
                    TimestampArray a => target.AppendValue(a.GetTimestamp(row)),
                    BinaryArray a => target.AppendValue(a.GetBytes(row).ToArray()),
                    _ => throw new NotSupportedException($"Arrow type {array.Data.DataType.Name} is not written by the SQL service."),
                };
            }
            target.EndRow();
        }
    }

    private static string DuckType(IArrowType type) => type switch
    {
        Int8Type => "TINYINT",
        Int16Type => "SMALLINT",
        Int32Type => "INTEGER",
        Int64Type => "BIGINT",
        UInt8Type => "UTINYINT",
        UInt16Type => "USMALLINT",
        UInt32Type => "UINTEGER",
        UInt64Type => "UBIGINT",
        FloatType => "FLOAT",
        DoubleType => "DOUBLE",
        BooleanType => "BOOLEAN",
        Decimal128Type d => $"DECIMAL({d.Precision},{d.Scale})",
        StringType => "VARCHAR",
        Date32Type => "DATE",
        Time64Type => "TIME",
        TimestampType t => t.Timezone is null ? "TIMESTAMP" : "TIMESTAMPTZ",
        BinaryType => "BLOB",
        _ => throw new NotSupportedException($"Arrow type {type.Name} is not written by the SQL service."),
    };

    private static string Ident(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static async Task ExecuteAsync(DuckDBConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(ct);
    }
}
