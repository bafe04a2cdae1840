using Iomete.Engine.Reads;
using Iomete.Iceberg.Expressions;
using Iomete.Iceberg.Manifests;
using Iomete.Iceberg.Metadata;
using Iomete.Iceberg.Partitioning;
using Iomete.Iceberg.Schemas;
using Iomete.Iceberg.Sorting;
using Iomete.Iceberg.Writes;
using T = Iomete.Iceberg.Types.IcebergTypes;

namespace Iomete.Engine.Tests.Reads;

/// <summary>Tables written with our writers read back through DuckDB with exactly the snapshot's rows.</summary>
public sealed class IcebergTableReaderTests : IDisposable
{
    private static readonly Schema People = new(0, [T.Required(1, "id", T.Int), T.Optional(2, "name", T.String)]);

    private readonly Warehouse warehouse = new();
    private readonly ReadTables tables;

    public IcebergTableReaderTests() => tables = new ReadTables(warehouse);

    public void Dispose() => warehouse.Dispose();

    private TableMetadata NewTable(string name) =>
        TableMetadata.NewTable(People, PartitionSpec.Unpartitioned, SortOrder.Unsorted, warehouse.TableLocation(name), timestampMs: 1_000);

    [Fact]
    public async Task Read_AfterTwoAppends_ReturnsEveryRow()
    {
        var (table, _) = await tables.AppendAsync(NewTable("two_appends"), [[1, "alpha"], [2, null]]);
        (table, _) = await tables.AppendAsync(table, [[3, "gamma"]]);

        var (columns, rows, plan) = await tables.ReadAsync(table);

        Assert.Equal(["id INTEGER", "name VARCHAR"], columns);
        Assert.Equal(["1|alpha", "2|null", "3|gamma"], rows);
        Assert.Equal(2, plan.Scan.Tasks.Count);
    }

    [Fact]
    public async Task Read_AfterRenameAndAddedColumn_MapsOldFilesByFieldId()
    {
        var (table, _) = await tables.AppendAsync(NewTable("evolved"), [[1, "alpha"], [2, "beta"]]);
        var firstSnapshot = table.CurrentSnapshotId!.Value;
        table = tables.Evolve(table, new Schema(1, [T.Required(1, "id", T.Int), T.Optional(2, "full_name", T.String), T.Optional(3, "score", T.Double)]));
        (table, _) = await tables.AppendAsync(table, [[3, "gamma", 2.5]]);

        var (columns, rows, _) = await tables.ReadAsync(table);
        var (oldColumns, oldRows, oldPlan) = await tables.ReadAsync(table, firstSnapshot);

        Assert.Equal(["id INTEGER", "full_name VARCHAR", "score DOUBLE"], columns);
        Assert.Equal(["1|alpha|null", "2|beta|null", "3|gamma|2.5"], rows);
        Assert.Equal(["id INTEGER", "name VARCHAR"], oldColumns);
        Assert.Equal(["1|alpha", "2|beta"], oldRows);
        Assert.Equal(firstSnapshot, oldPlan.SnapshotId);
    }

    [Fact]
    public async Task SnapshotIdAt_FindsTheSnapshotCurrentAtATimestamp_AndReadsIt()
    {
        var (table, _) = await tables.AppendAsync(NewTable("as_of"), [[1, "alpha"]]);
        (table, _) = await tables.AppendAsync(table, [[2, "beta"]]);
        var log = table.SnapshotLog;

        Assert.Null(SnapshotHistory.SnapshotIdAt(table, log[0].TimestampMs - 1));
        Assert.Equal(log[0].SnapshotId, SnapshotHistory.SnapshotIdAt(table, log[1].TimestampMs - 1));
        Assert.Equal(log[1].SnapshotId, SnapshotHistory.SnapshotIdAt(table, log[1].TimestampMs));
        var (_, rows, _) = await tables.ReadAsync(table, SnapshotHistory.SnapshotIdAt(table, log[1].TimestampMs - 1));
        Assert.Equal(["1|alpha"], rows);
    }

    [Fact]
    public async Task Read_WithAFilter_SkipsFilesAndReturnsOnlyMatchingRows()
    {
        var (table, _) = await tables.AppendAsync(NewTable("filtered"), [[1, "alpha"], [2, "beta"], [3, "gamma"]]);
        (table, _) = await tables.AppendAsync(table, [[10, "kappa"], [11, "lambda"]]);

        var (_, rows, plan) = await tables.ReadAsync(table, filter: Filter.And(Filter.GtEq("id", 2L), Filter.Lt("id", 3L)));
        var (_, strings, _) = await tables.ReadAsync(table, filter: Filter.Or(Filter.StartsWith("name", "la"), Filter.IsNull("name")));

        Assert.Equal(["2|beta"], rows);
        Assert.Equal(1, plan.Scan.Metrics.SkippedDataFiles);
        Assert.Single(plan.Scan.Tasks);
        Assert.Equal(["11|lambda"], strings);
    }

    [Fact]
    public async Task Read_AfterAnOverwrite_ReturnsTheReplacementRows()
    {
        var (table, first) = await tables.AppendAsync(NewTable("overwritten"), [[1, "alpha"], [2, "beta"]]);
        (table, _) = await tables.AppendAsync(table, [[3, "gamma"]]);
        var replacement = await new Iomete.Engine.Parquet.ParquetDataFileWriter(warehouse.IO).WriteRowsAsync(table, [[1, "ALPHA"]]);
        table = (await new OverwriteFiles(warehouse.IO).PrepareAsync(table, [first[0].FilePath], replacement)).ApplyTo(table, 100_000);

        var (_, rows, _) = await tables.ReadAsync(table);

        Assert.Equal(["1|ALPHA", "3|gamma"], rows);
    }

    [Fact]
    public async Task Read_WithPositionDeletes_LeavesOutTheDeletedRows()
    {
        var (table, first) = await tables.AppendAsync(NewTable("pos_deletes"), [[1, "alpha"], [2, "beta"], [3, "gamma"], [4, "delta"]]);
        (table, _) = await tables.AppendAsync(table, [[5, "epsilon"]]);
        var target = first[0].FilePath.Replace("'", "''", StringComparison.Ordinal);
        var deletes = await tables.WriteDeleteFileAsync(table,
            $"SELECT '{target}' AS file_path, CAST(pos AS BIGINT) AS pos FROM (VALUES (1), (3)) v(pos)",
            ", FIELD_IDS {file_path: 2147483546, pos: 2147483545}", FileContent.PositionDeletes, 2);
        var before = table;
        table = await tables.CommitDeleteFileAsync(table, deletes);

        var (_, rows, plan) = await tables.ReadAsync(table);
        var (_, beforeRows, _) = await tables.ReadAsync(table, before.CurrentSnapshotId);

        Assert.Equal(["1|alpha", "3|gamma", "5|epsilon"], rows);
        Assert.Equal(1, plan.Scan.Metrics.ResultDeleteFiles);
        Assert.Equal(5, beforeRows.Count);
    }

    [Fact]
    public async Task Read_WithEqualityDeletes_LeavesOutRowsWithEqualKeys()
    {
        var (table, _) = await tables.AppendAsync(NewTable("eq_deletes"), [[1, "alpha"], [2, null], [3, "gamma"]]);
        var deletes = await tables.WriteDeleteFileAsync(table,
            "SELECT CAST(NULL AS VARCHAR) AS name UNION ALL SELECT 'gamma'", ", FIELD_IDS {name: 2}", FileContent.EqualityDeletes, 2, [2]);
        table = await tables.CommitDeleteFileAsync(table, deletes);
        (table, _) = await tables.AppendAsync(table, [[4, "gamma"]]);

        var (_, rows, _) = await tables.ReadAsync(table);

        Assert.Equal(["1|alpha", "4|gamma"], rows);
    }

    [Fact]
    public async Task Read_OfAPartitionedTable_PrunesPartitions_AndAppliesDeletesWithinTheirPartition()
    {
        var spec = new PartitionSpecBuilder(People).Identity("name").Build();
        var table = TableMetadata.NewTable(People, spec, SortOrder.Unsorted, warehouse.TableLocation("parted"), timestampMs: 1_000);
        (table, var files) = await tables.AppendAsync(table, [[1, "a"], [2, "b"], [3, "a"], [4, null]]);
        var fileA = files.Single(f => Equals(f.Partition[0], "a"));
        var deletes = await tables.WriteDeleteFileAsync(table,
            $"SELECT '{fileA.FilePath}' AS file_path, CAST(0 AS BIGINT) AS pos", "", FileContent.PositionDeletes, 1);
        table = await tables.CommitDeleteFileAsync(table, deletes with { Partition = ["a"] });

        var (_, all, _) = await tables.ReadAsync(table);
        var (_, onlyB, plan) = await tables.ReadAsync(table, filter: Filter.Eq("name", "b"));

        Assert.Equal(["2|b", "3|a", "4|null"], all);
        Assert.Equal(["2|b"], onlyB);
        Assert.Equal(2, plan.Scan.Metrics.SkippedDataFiles);
        Assert.Empty(plan.Scan.Tasks.Single().DeleteFiles);
    }

    [Fact]
    public async Task Read_OfAnEmptyTable_GivesNoRowsWithTypedColumns()
    {
        var schema = new Schema(0,
        [
            T.Required(1, "b", T.Boolean), T.Optional(2, "i", T.Int), T.Optional(3, "l", T.Long), T.Optional(4, "f", T.Float),
            T.Optional(5, "d", T.Double), T.Optional(6, "dec", T.Decimal(12, 3)), T.Optional(7, "dt", T.Date), T.Optional(8, "t", T.Time),
            T.Optional(9, "ts", T.Timestamp), T.Optional(10, "tz", T.TimestampTz), T.Optional(11, "s", T.String), T.Optional(12, "u", T.Uuid),
            T.Optional(13, "fx", T.Fixed(4)), T.Optional(14, "bin", T.Binary),
        ]);
        var table = TableMetadata.NewTable(schema, PartitionSpec.Unpartitioned, SortOrder.Unsorted, warehouse.TableLocation("empty"), timestampMs: 1_000);

        var (columns, rows, plan) = await tables.ReadAsync(table);

        Assert.Empty(rows);
        Assert.Null(plan.SnapshotId);
        Assert.Equal(
            ["b BOOLEAN", "i INTEGER", "l BIGINT", "f FLOAT", "d DOUBLE", "dec DECIMAL(12,3)", "dt DATE", "t TIME", "ts TIMESTAMP",
             "tz TIMESTAMP WITH TIME ZONE", "s VARCHAR", "u UUID", "fx BLOB", "bin BLOB"],
            columns);
    }
}
