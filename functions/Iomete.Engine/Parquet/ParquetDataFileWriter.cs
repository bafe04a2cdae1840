using System.Data.Common;
using DuckDB.NET.Data;
using Iomete.Engine.DuckDb;
using Iomete.Iceberg.IO;
using Iomete.Iceberg.Json;
using Iomete.Iceberg.Manifests;
using Iomete.Iceberg.Metadata;
using Iomete.Platform.Storage;

namespace Iomete.Engine.Parquet;

/// <summary>
/// Writes Iceberg data files as Parquet through DuckDB (<c>COPY … (FORMAT parquet, FIELD_IDS, KV_METADATA, RETURN_STATS)</c>):
/// every column carries its Iceberg field id (nested too), the Parquet key/value metadata carries the
/// <c>iceberg.schema</c> JSON as Java writers do, and the returned <see cref="DataFile"/> holds the file's metrics
/// (record count, size, column sizes, value/null/NaN counts, bounds keyed by field id). Files go to
/// <c>{write.data.path or location/data}/{partition path/}{uuid}.parquet</c> through <see cref="TableFileIO"/>.
/// </summary>
/// <param name="io">Where data files go.</param>
/// <param name="scratchDirectory">Where DuckDB writes a file before it is stored (a locked-down session may only write there); the system temp folder when null.</param>
public sealed class ParquetDataFileWriter(TableFileIO io, string? scratchDirectory = null)
{
    /// <summary>
    /// zstd level for files this writer makes (DuckDB's default, 3, when null). Streaming writers use 1: nearly the same
    /// size, a quarter less CPU, and compaction rewrites the files at the default anyway.
    /// </summary>
    public int? ZstdLevel { get; init; }

    /// <summary>The table property that moves data files away from <c>{location}/data</c>.</summary>
    public const string DataPathProperty = "write.data.path";

    /// <summary>
    /// Writes the rows of a DuckDB query as one data file of <paramref name="table"/>'s current schema and default spec.
    /// The query's columns are taken by position as the schema's top-level columns (cast to their types; struct fields
    /// match by name). <paramref name="partition"/> is the partition tuple of every row (empty for an unpartitioned table).
    /// </summary>
    public async Task<DataFile> WriteQueryAsync(
        DuckDBConnection connection, TableMetadata table, string query, IReadOnlyList<object?>? partition = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(table);
        ArgumentException.ThrowIfNullOrWhiteSpace(query);
        var schema = table.CurrentSchema;
        var spec = table.DefaultSpec;
        partition ??= [];
        if (partition.Count != spec.Fields.Count)
        {
            throw new ArgumentException($"The partition tuple has {partition.Count} values for {spec.Fields.Count} partition fields", nameof(partition));
        }
        var local = Path.Combine(scratchDirectory ?? Path.GetTempPath(), $"iomete-{Guid.NewGuid():N}.parquet");
        try
        {
            var aliases = schema.Fields.Select((_, i) => $"c{i}").ToList();
            var select = string.Join(", ", schema.Fields.Select((f, i) => $"CAST(src.{aliases[i]} AS {DuckDbSchema.TypeOf(f.Type)}) AS {DuckDbSchema.Quote(f.Name)}"));
            var sql = $"COPY (SELECT {select} FROM ({query}) AS src({string.Join(", ", aliases)})) TO {DuckDbSchema.Literal(local)} "
                + $"(FORMAT parquet, COMPRESSION {Codec(table)}{Level(table)}, FIELD_IDS {DuckDbSchema.FieldIds(schema)}, "
                + $"KV_METADATA {{'iceberg.schema': {DuckDbSchema.Literal(SchemaJson.ToJson(schema))}}}, RETURN_STATS)";
            long count;
            object? columnStatistics;
            await using (var command = connection.CreateCommand())
            {
                command.CommandText = sql;
                await using var reader = await command.ExecuteReaderAsync(ct);
                if (!await reader.ReadAsync(ct))
                {
                    throw new InvalidOperationException("COPY … RETURN_STATS returned no file statistics");
                }
                count = Convert.ToInt64(reader.GetValue(reader.GetOrdinal("count")), System.Globalization.CultureInfo.InvariantCulture);
                columnStatistics = reader.GetValue(reader.GetOrdinal("column_statistics"));
            }
            var splitOffsets = await SplitOffsetsAsync(connection, local, ct);
            var folder = DataFolder(table) + (spec.Fields.Count == 0 ? "" : "/" + PartitionPath.Of(spec, schema, partition));
            var location = $"{folder}/{Guid.NewGuid()}.parquet";
            long size;
            await using (var file = new FileStream(local, FileMode.Open, FileAccess.Read, FileShare.Read, 128 * 1024, useAsync: true))
            {
                size = file.Length;
                await io.Store.PutAsync(io.KeyOf(location), file, new PutOptions(IfNoneMatch: true, ContentType: "application/vnd.apache.parquet"), ct);
            }
            var metrics = FileMetrics.From(schema, columnStatistics);
            return new DataFile
            {
                FilePath = location,
                FileFormat = FileFormat.Parquet,
                Partition = [.. partition],
                RecordCount = count,
                FileSizeInBytes = size,
                ColumnSizes = metrics.ColumnSizes,
                ValueCounts = metrics.ValueCounts,
                NullValueCounts = metrics.NullValueCounts,
                NanValueCounts = metrics.NanValueCounts,
                LowerBounds = metrics.LowerBounds,
                UpperBounds = metrics.UpperBounds,
                SplitOffsets = splitOffsets,
            };
        }
        finally
        {
            File.Delete(local);
        }
    }

    /// <summary>
    /// Writes in-memory rows (one value per top-level column of the current schema, in the Iceberg .NET representation;
    /// primitive columns only) as one data file per partition of the default spec, in order of first appearance.
    /// </summary>
    public async Task<IReadOnlyList<DataFile>> WriteRowsAsync(TableMetadata table, IEnumerable<IReadOnlyList<object?>> rows, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(rows);
        var schema = table.CurrentSchema;
        var groups = RowPartitions.Split(schema, table.DefaultSpec, rows);
        await using var connection = await EngineConnections.OpenInMemoryAsync(ct);
        var files = new List<DataFile>(groups.Count);
        foreach (var (partition, groupRows) in groups)
        {
            await Exec(connection, $"CREATE OR REPLACE TABLE iomete_stage ({DuckDbSchema.Columns(schema)})", ct);
            using (var appender = connection.CreateAppender("iomete_stage"))
            {
                foreach (var row in groupRows)
                {
                    var appendRow = appender.CreateRow();
                    for (var i = 0; i < schema.Fields.Count; i++)
                    {
                        RowValues.Append(appendRow, schema.Fields[i].Type, row[i]);
                    }
                    appendRow.EndRow();
                }
            }
            files.Add(await WriteQueryAsync(connection, table, "SELECT * FROM iomete_stage", partition, ct));
        }
        return files;
    }

    public static string DataFolder(TableMetadata table)
    {
        ArgumentNullException.ThrowIfNull(table);
        return table.Properties.TryGetValue(DataPathProperty, out var path) && !string.IsNullOrWhiteSpace(path)
            ? path.TrimEnd('/')
            : table.Location.TrimEnd('/') + "/data";
    }

    private string Level(TableMetadata table) =>
        ZstdLevel is { } level && Codec(table) == "zstd" ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $", COMPRESSION_LEVEL {level}") : "";

    private static string Codec(TableMetadata table) =>
        (table.Properties.TryGetValue(TableMetadata.ParquetCompressionProperty, out var codec) ? codec.ToLowerInvariant() : "zstd") switch
        {
            "uncompressed" or "none" => "uncompressed",
            "snappy" => "snappy",
            "gzip" => "gzip",
            "lz4" => "lz4_raw",
            "brotli" => "brotli",
            _ => "zstd",
        };

    /// <summary>The byte offset where each row group starts (first page of its first column), ascending, as Java records them.</summary>
    private static async Task<IReadOnlyList<long>> SplitOffsetsAsync(DbConnection connection, string local, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT min(coalesce(dictionary_page_offset, data_page_offset)) FROM parquet_metadata("
            + DuckDbSchema.Literal(local) + ") GROUP BY row_group_id ORDER BY 1";
        await using var reader = await command.ExecuteReaderAsync(ct);
        var offsets = new List<long>();
        while (await reader.ReadAsync(ct))
        {
            offsets.Add(Convert.ToInt64(reader.GetValue(0), System.Globalization.CultureInfo.InvariantCulture));
        }
        return offsets;
    }

    private static async Task Exec(DbConnection connection, string sql, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(ct);
    }
}
