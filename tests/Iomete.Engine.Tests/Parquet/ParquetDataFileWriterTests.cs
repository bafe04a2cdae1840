using DuckDB.NET.Data;
using Iomete.Engine.DuckDb;
using Iomete.Engine.Parquet;
using Iomete.Iceberg.Json;
using Iomete.Iceberg.Manifests;
using Iomete.Iceberg.Metadata;
using Iomete.Iceberg.Partitioning;
using Iomete.Iceberg.Schemas;
using Iomete.Iceberg.Sorting;
using Iomete.Iceberg.Types;
using Iomete.Iceberg.Writes;
using T = Iomete.Iceberg.Types.IcebergTypes;

namespace Iomete.Engine.Tests.Parquet;

public sealed class ParquetDataFileWriterTests : IDisposable
{
    private readonly Warehouse warehouse = new();

    public void Dispose() => warehouse.Dispose();

    private static object Bound(IReadOnlyDictionary<int, byte[]>? bounds, int id) =>
        SingleValue.Deserialize((PrimitiveType)TestTables.Schema.FindField(id)!.Type, bounds![id]);

    [Fact]
    public async Task WriteRows_ReturnsDataFileWithCountsSizesAndBoundsByFieldId()
    {
        var table = TestTables.New(warehouse.TableLocation("metrics"));

        var file = Assert.Single(await new ParquetDataFileWriter(warehouse.IO).WriteRowsAsync(table, TestTables.FirstBatch));

        Assert.StartsWith(table.Location + "/data/", file.FilePath, StringComparison.Ordinal);
        Assert.EndsWith(".parquet", file.FilePath, StringComparison.Ordinal);
        Assert.Equal(FileFormat.Parquet, file.FileFormat);
        Assert.Empty(file.Partition);
        Assert.Equal(3, file.RecordCount);
        Assert.Equal(new FileInfo(warehouse.LocalPath(file.FilePath)).Length, file.FileSizeInBytes);
        Assert.Equal(Enumerable.Range(1, 9), file.ColumnSizes!.Keys.Order());
        Assert.All(file.ColumnSizes.Values, size => Assert.True(size > 0));
        Assert.All(Enumerable.Range(1, 9), id => Assert.Equal(3, file.ValueCounts![id]));
        Assert.Equal(0, file.NullValueCounts![1]);
        Assert.All(Enumerable.Range(2, 8), id => Assert.Equal(1, file.NullValueCounts[id]));
        Assert.Equal(0, file.NanValueCounts![4]);
        Assert.Equal([4L], file.SplitOffsets);

        Assert.Equal(1, Bound(file.LowerBounds, 1));
        Assert.Equal(3, Bound(file.UpperBounds, 1));
        Assert.Equal(-7L, Bound(file.LowerBounds, 2));
        Assert.Equal(9_007_199_254_740_993L, Bound(file.UpperBounds, 2));
        Assert.Equal("a much longer na", Bound(file.LowerBounds, 3));
        Assert.Equal("alpha", Bound(file.UpperBounds, 3));
        Assert.Equal(-0.25, Bound(file.LowerBounds, 4));
        Assert.Equal(1.5, Bound(file.UpperBounds, 4));
        Assert.Equal(false, Bound(file.LowerBounds, 5));
        Assert.Equal(true, Bound(file.UpperBounds, 5));
        Assert.Equal(IcebergValues.Date(new DateOnly(1969, 12, 31)), Bound(file.LowerBounds, 6));
        Assert.Equal(IcebergValues.Date(new DateOnly(2024, 1, 2)), Bound(file.UpperBounds, 6));
        Assert.Equal(IcebergValues.Timestamp(new DateTime(1969, 12, 31, 23, 59, 59)), Bound(file.LowerBounds, 7));
        Assert.Equal(IcebergValues.Timestamp(new DateTime(2024, 1, 2, 3, 4, 5, 123)), Bound(file.UpperBounds, 7));
        Assert.Equal(-5.00m, Bound(file.LowerBounds, 8));
        Assert.Equal(12.34m, Bound(file.UpperBounds, 8));
        Assert.Equal(IcebergValues.TimestampTz(new DateTimeOffset(2000, 1, 1, 1, 0, 0, TimeSpan.Zero)), Bound(file.LowerBounds, 9));
        Assert.Equal(IcebergValues.TimestampTz(new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero)), Bound(file.UpperBounds, 9));
    }

    [Fact]
    public async Task WriteRows_TruncatedStringUpperBound_IsAboveEveryValue()
    {
        var schema = new Schema(0, [T.Optional(1, "s", T.String)]);
        var table = TableMetadata.NewTable(schema, PartitionSpec.Unpartitioned, SortOrder.Unsorted, warehouse.TableLocation("strings"));

        var file = Assert.Single(await new ParquetDataFileWriter(warehouse.IO).WriteRowsAsync(table, [["aaaaaaaaaaaaaaaaaaaaaa"], ["zzzzzzzzzzzzzzzzzzzz"]]));

        Assert.Equal("aaaaaaaaaaaaaaaa", SingleValue.Deserialize(T.String, file.LowerBounds![1]));
        var upper = (string)SingleValue.Deserialize(T.String, file.UpperBounds![1]);
        Assert.Equal("zzzzzzzzzzzzzzz{", upper);
        Assert.True(string.CompareOrdinal(upper, "zzzzzzzzzzzzzzzzzzzz") > 0);
    }

    [Fact]
    public async Task WrittenParquet_CarriesFieldIdsAndTheIcebergSchema()
    {
        var table = TestTables.New(warehouse.TableLocation("ids"));
        var file = Assert.Single(await new ParquetDataFileWriter(warehouse.IO).WriteRowsAsync(table, TestTables.SecondBatch));
        await using var connection = await EngineConnections.OpenInMemoryAsync(CancellationToken.None);

        var ids = await QueryAsync(connection, $"SELECT name, field_id FROM parquet_schema('{warehouse.LocalPath(file.FilePath)}') WHERE field_id IS NOT NULL");
        var kv = await QueryAsync(connection, $"SELECT decode(key), decode(value) FROM parquet_kv_metadata('{warehouse.LocalPath(file.FilePath)}')");

        Assert.Equal(TestTables.Schema.Fields.Select(f => $"{f.Name}={f.Id}"), ids.Select(r => $"{r[0]}={r[1]}"));
        var schemaJson = Assert.Single(kv, r => (string)r[0]! == "iceberg.schema")[1];
        Assert.Equal(TestTables.Schema, SchemaJson.Parse((string)schemaJson!));
    }

    [Fact]
    public async Task WriteQuery_NestedColumns_CarryNestedFieldIdsAndLeafCounts()
    {
        var schema = new Schema(0,
        [
            T.Required(1, "id", T.Long),
            T.Optional(2, "point", T.Struct(T.Optional(5, "x", T.Int), T.Optional(6, "label", T.String))),
            T.Optional(3, "tags", T.List(7, T.String)),
            T.Optional(4, "attrs", T.Map(8, T.String, 9, T.Long)),
        ]);
        var table = TableMetadata.NewTable(schema, PartitionSpec.Unpartitioned, SortOrder.Unsorted, warehouse.TableLocation("nested"));
        await using var connection = await EngineConnections.OpenInMemoryAsync(CancellationToken.None);

        var file = await new ParquetDataFileWriter(warehouse.IO).WriteQueryAsync(connection, table,
            "SELECT 1 AS a, {'x': 10, 'label': 'p'} AS b, ['t1', 't2'] AS c, MAP {'k': 5} AS d UNION ALL SELECT 2, {'x': -3, 'label': NULL}, NULL, MAP {}");
        var ids = await QueryAsync(connection, $"SELECT name, field_id FROM parquet_schema('{warehouse.LocalPath(file.FilePath)}') WHERE field_id IS NOT NULL");

        Assert.Equal(["id=1", "point=2", "x=5", "label=6", "tags=3", "element=7", "attrs=4", "key=8", "value=9"], ids.Select(r => $"{r[0]}={r[1]}"));
        Assert.Equal(2, file.RecordCount);
        Assert.Equal([1, 5, 6, 7, 8, 9], file.ValueCounts!.Keys.Order());
        Assert.Equal(1, file.NullValueCounts![6]);
        Assert.Equal(-3, SingleValue.Deserialize(T.Int, file.LowerBounds![5]));
        Assert.Equal(10, SingleValue.Deserialize(T.Int, file.UpperBounds![5]));
        Assert.False(file.LowerBounds.ContainsKey(7), "no bounds inside lists");
        Assert.False(file.LowerBounds.ContainsKey(8), "no bounds inside maps");
    }

    [Fact]
    public async Task WriteQuery_ManyRows_RecordsOneSplitOffsetPerRowGroup()
    {
        var schema = new Schema(0, [T.Required(1, "n", T.Long)]);
        var table = TableMetadata.NewTable(schema, PartitionSpec.Unpartitioned, SortOrder.Unsorted, warehouse.TableLocation("splits"));
        await using var connection = await EngineConnections.OpenInMemoryAsync(CancellationToken.None);

        var file = await new ParquetDataFileWriter(warehouse.IO).WriteQueryAsync(connection, table, "SELECT range FROM range(300000)");

        Assert.Equal(300_000, file.RecordCount);
        Assert.Equal(0L, SingleValue.Deserialize(T.Long, file.LowerBounds![1]));
        Assert.Equal(299_999L, SingleValue.Deserialize(T.Long, file.UpperBounds![1]));
        Assert.True(file.SplitOffsets!.Count >= 2, $"expected several row groups, got {file.SplitOffsets.Count}");
        Assert.Equal(4L, file.SplitOffsets[0]);
        Assert.Equal(file.SplitOffsets.Order(), file.SplitOffsets);
        Assert.All(file.SplitOffsets, o => Assert.InRange(o, 4L, file.FileSizeInBytes));
    }

    [Fact]
    public async Task WriteRows_PartitionedTable_WritesOneFilePerPartitionUnderItsPath()
    {
        var spec = new PartitionSpecBuilder(TestTables.Schema).Identity("active").Day("at").Build();
        var table = TestTables.New(warehouse.TableLocation("parts"), spec);
        var rows = TestTables.FirstBatch.Concat(TestTables.SecondBatch).ToList();

        var files = await new ParquetDataFileWriter(warehouse.IO).WriteRowsAsync(table, rows);

        Assert.Equal(5, files.Count);
        var first = files[0];
        Assert.Equal([true, IcebergValues.Date(new DateOnly(2024, 1, 2))], first.Partition);
        Assert.Contains("/data/active=true/at_day=2024-01-02/", first.FilePath, StringComparison.Ordinal);
        Assert.Contains(files, f => f.FilePath.Contains("/data/active=null/at_day=null/", StringComparison.Ordinal));
        Assert.Equal(rows.Count, files.Sum(f => f.RecordCount));
        Assert.All(files, f => Assert.True(File.Exists(warehouse.LocalPath(f.FilePath))));
    }

    [Fact]
    public async Task AppendedManifest_CarriesTheWrittenMetrics()
    {
        var table = TestTables.New(warehouse.TableLocation("manifest"));
        var files = await new ParquetDataFileWriter(warehouse.IO).WriteRowsAsync(table, TestTables.FirstBatch);
        var commit = await new AppendFiles(warehouse.IO).PrepareAsync(table, files);
        var ct = CancellationToken.None;

        var list = ManifestListReader.Read(await warehouse.IO.ReadAllAsync(commit.Snapshot.ManifestList, ct));
        var manifestFile = Assert.Single(list.Manifests);
        var manifest = ManifestReader.Read(await warehouse.IO.ReadAllAsync(manifestFile.ManifestPath, ct), manifestFile);

        Assert.Equal(3, manifestFile.AddedRowsCount);
        Assert.Equal(1, manifestFile.AddedFilesCount);
        var read = Assert.Single(manifest.Entries).DataFile;
        var written = files[0];
        Assert.Equal(written.FilePath, read.FilePath);
        Assert.Equal(written.RecordCount, read.RecordCount);
        Assert.Equal(written.FileSizeInBytes, read.FileSizeInBytes);
        Assert.Equal(written.ColumnSizes!.OrderBy(kv => kv.Key), read.ColumnSizes!.OrderBy(kv => kv.Key));
        Assert.Equal(written.ValueCounts!.OrderBy(kv => kv.Key), read.ValueCounts!.OrderBy(kv => kv.Key));
        Assert.Equal(written.NullValueCounts!.OrderBy(kv => kv.Key), read.NullValueCounts!.OrderBy(kv => kv.Key));
        Assert.Equal(written.LowerBounds!.Keys.Order(), read.LowerBounds!.Keys.Order());
        Assert.All(written.LowerBounds, kv => Assert.Equal(kv.Value, read.LowerBounds[kv.Key]));
        Assert.All(written.UpperBounds!, kv => Assert.Equal(kv.Value, read.UpperBounds![kv.Key]));
        Assert.Equal("3", commit.Snapshot.Summary["added-records"]);
        Assert.Equal(written.FileSizeInBytes.ToString(System.Globalization.CultureInfo.InvariantCulture), commit.Snapshot.Summary["added-files-size"]);
    }

    private static async Task<List<object?[]>> QueryAsync(DuckDBConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<object?[]>();
        while (await reader.ReadAsync())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            }
            rows.Add(row);
        }
        return rows;
    }
}
