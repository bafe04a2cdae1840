using Iomete.Engine.Parquet;
using Iomete.Iceberg.Expressions;
using Iomete.Iceberg.Metadata;
using Iomete.Iceberg.Scan;
using Iomete.Iceberg.Writes;

namespace Iomete.Engine.Tests.Parquet;

/// <summary>The scan planner prunes the files we wrote by the bounds we recorded, and plans only live files after an overwrite.</summary>
public sealed class ScanPruningTests : IDisposable
{
    private readonly Warehouse warehouse = new();

    public void Dispose() => warehouse.Dispose();

    [Fact]
    public async Task ScanPlanner_PrunesWrittenFilesByTheirBounds_AndSkipsOverwrittenFiles()
    {
        var ct = CancellationToken.None;
        var writer = new ParquetDataFileWriter(warehouse.IO);
        var table = TestTables.New(warehouse.TableLocation("pruning"));
        var first = await writer.WriteRowsAsync(table, TestTables.FirstBatch, ct);
        table = (await new AppendFiles(warehouse.IO).PrepareAsync(table, first, ct: ct)).ApplyTo(table, 2_000);
        var second = await writer.WriteRowsAsync(table, TestTables.SecondBatch, ct);
        table = (await new AppendFiles(warehouse.IO).PrepareAsync(table, second, ct: ct)).ApplyTo(table, 3_000);
        var planner = new ScanPlanner(warehouse.IO);

        async Task<List<string>> PlanAsync(TableMetadata t, Expression filter) =>
            [.. (await planner.PlanAsync(new TableScan(t) { Filter = filter }, ct)).Tasks.Select(task => task.DataFile.File.FilePath)];

        Assert.Equal([first[0].FilePath], await PlanAsync(table, Filter.Gt("big", 1_000_000L)));
        Assert.Equal([second[0].FilePath], await PlanAsync(table, Filter.GtEq("day", "2025-01-01")));
        Assert.Equal([second[0].FilePath], await PlanAsync(table, Filter.Gt("name", "b")));
        Assert.Empty(await PlanAsync(table, Filter.Eq("name", "zeta")));
        Assert.Empty(await PlanAsync(table, Filter.Lt("amount", "-5.01")));
        Assert.Equal(2, (await PlanAsync(table, Expression.True)).Count);

        var replacement = await writer.WriteRowsAsync(table, [TestTables.FirstBatch[0]], ct);
        table = (await new OverwriteFiles(warehouse.IO).PrepareAsync(table, [first[0].FilePath], replacement, ct: ct)).ApplyTo(table, 4_000);

        var live = await PlanAsync(table, Expression.True);
        Assert.Equal(new[] { replacement[0].FilePath, second[0].FilePath }.Order(StringComparer.Ordinal), live.Order(StringComparer.Ordinal));
    }
}
