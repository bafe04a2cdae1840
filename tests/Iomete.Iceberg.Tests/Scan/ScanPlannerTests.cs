using Iomete.Iceberg.Commits;
using Iomete.Iceberg.Expressions;
using Iomete.Iceberg.Json;
using Iomete.Iceberg.Manifests;
using Iomete.Iceberg.Metadata;
using Iomete.Iceberg.Partitioning;
using Iomete.Iceberg.Scan;

namespace Iomete.Iceberg.Tests.Scan;

public sealed class ScanPlannerTests : IDisposable
{
    private readonly TestTable table = new();

    public void Dispose() => table.Dispose();

    private Task<ScanPlan> PlanAsync(Expression? filter = null, long? snapshotId = null, string? refName = null, int concurrency = 4) =>
        new ScanPlanner(table.IO, concurrency).PlanAsync(
            new TableScan(table.Metadata) { Filter = filter ?? Expression.True, SnapshotId = snapshotId, RefName = refName }, default);

    private static List<string> Names(ScanPlan plan) =>
        [.. plan.Tasks.Select(t => Path.GetFileName(t.DataFile.File.FilePath).Split('-')[0]).Order(StringComparer.Ordinal)];

    /// <summary>s1: b1 (ids 1..10), b2 (11..20) in category b; s2: a1 (21..30, names "apple".."avocado"), n1 (null category, 31..40, names all null, prices NaN).</summary>
    private async Task<(Snapshot S1, Snapshot S2)> TwoSnapshotsAsync()
    {
        var s1 = await table.CommitAsync(
        [
            table.File("b1", ["b"], 10, (1, 1L, 10L, 0, null), (2, "banana", "blueberry", 0, null)),
            table.File("b2", ["b"], 10, (1, 11L, 20L, 0, null), (2, "berry", "bilberry", 2, null)),
        ]);
        var s2 = await table.CommitAsync(
        [
            table.File("a1", ["a"], 10, (1, 21L, 30L, 0, null), (2, "apple", "avocado", 0, null), (4, 1.0, 9.5, 0, 0L)),
            table.File("n1", [null], 10, (1, 31L, 40L, 0, null), (2, null, null, 10, null), (4, null, null, 0, 10L)),
        ]);
        return (s1, s2);
    }

    [Fact]
    public async Task Plan_WithoutFilter_ReturnsEveryLiveFileOfTheCurrentSnapshot()
    {
        await TwoSnapshotsAsync();

        var plan = await PlanAsync();

        Assert.Equal(["a1", "b1", "b2", "n1"], Names(plan));
        Assert.Equal(new ScanMetrics(2, 2, 0, 0, 0, 0, 4, 0, 0, 0), plan.Metrics);
        Assert.All(plan.Tasks, t => Assert.Empty(t.DeleteFiles));
        Assert.All(plan.Tasks, t => Assert.Equal(0, t.DataFile.SpecId));
    }

    [Fact]
    public async Task Plan_PartitionFilter_SkipsManifestsBySummaryAndFilesByPartition()
    {
        await TwoSnapshotsAsync();

        var plan = await PlanAsync(Filter.Eq("category", "a"));

        Assert.Equal(["a1"], Names(plan));
        Assert.Equal(1, plan.Metrics.SkippedDataManifests);
        Assert.Equal(1, plan.Metrics.ScannedDataManifests);
        Assert.Equal(1, plan.Metrics.SkippedDataFiles);
    }

    [Theory]
    [InlineData("""{"type":"is-null","term":"category"}""", "n1")]
    [InlineData("""{"type":"gt","term":"id","value":35}""", "n1")]
    [InlineData("""{"type":"in","term":"id","values":[5,25]}""", "a1,b1")]
    [InlineData("""{"type":"starts-with","term":"name","value":"bi"}""", "b1,b2")]
    [InlineData("""{"type":"starts-with","term":"name","value":"bl"}""", "b1")]
    [InlineData("""{"type":"starts-with","term":"name","value":"c"}""", "")]
    [InlineData("""{"type":"is-nan","term":"price"}""", "b1,b2,n1")]
    [InlineData("""{"type":"lt","term":"price","value":1.0}""", "b1,b2")]
    [InlineData("""{"type":"not-null","term":"name"}""", "a1,b1,b2")]
    [InlineData("""{"type":"is-null","term":"name"}""", "b2,n1")]
    [InlineData("""{"type":"not","child":{"type":"eq","term":"category","value":"b"}}""", "a1,n1")]
    [InlineData("""{"type":"or","left":{"type":"eq","term":"category","value":"b"},"right":{"type":"lt-eq","term":"id","value":21}}""", "a1,b1,b2,n1")]
    [InlineData("""{"type":"and","left":{"type":"eq","term":"category","value":"b"},"right":{"type":"lt-eq","term":"id","value":10}}""", "b1")]
    [InlineData("""{"type":"false"}""", "")]
    public async Task Plan_JsonFilter_KeepsExactlyTheFilesThatMayMatch(string filter, string expected)
    {
        await TwoSnapshotsAsync();

        var plan = await PlanAsync(ExpressionJson.Parse(filter));

        Assert.Equal(expected, string.Join(",", Names(plan)));
    }

    [Fact]
    public async Task Plan_BySnapshotIdOrRef_ReadsThatSnapshot()
    {
        var (s1, _) = await TwoSnapshotsAsync();
        table.Metadata = MetadataUpdater.Apply(table.Metadata, [new SetSnapshotRef("v1", SnapshotRef.Tag(s1.SnapshotId))], table.Now);

        Assert.Equal(["b1", "b2"], Names(await PlanAsync(snapshotId: s1.SnapshotId)));
        Assert.Equal(["b1", "b2"], Names(await PlanAsync(refName: "v1")));
        await Assert.ThrowsAsync<SnapshotNotFoundException>(() => PlanAsync(snapshotId: 12345));
        await Assert.ThrowsAsync<SnapshotNotFoundException>(() => PlanAsync(refName: "nope"));
    }

    [Fact]
    public async Task Plan_EmptyTable_HasNoTasks_ButStillValidatesTheFilter()
    {
        var plan = await PlanAsync(Filter.Eq("id", 1L));

        Assert.Null(plan.Snapshot);
        Assert.Empty(plan.Tasks);
        await Assert.ThrowsAsync<IcebergFormatException>(() => PlanAsync(Filter.Eq("nope", 1L)));
    }

    [Fact]
    public async Task Plan_ManyManifests_ReadConcurrently_KeepsManifestOrder()
    {
        for (var i = 0; i < 12; i++)
        {
            await table.CommitAsync([table.File("f" + i.ToString("D2", System.Globalization.CultureInfo.InvariantCulture), [i % 2 == 0 ? "a" : "b"], 5, (1, (long)i * 10, (long)i * 10 + 9, 0, null))]);
        }

        var plan = await PlanAsync(Filter.Eq("category", "a"), concurrency: 3);

        Assert.Equal(6, plan.Tasks.Count);
        Assert.Equal(6, plan.Metrics.SkippedDataManifests);
        var order = plan.Tasks.Select(t => t.DataFile.DataSequenceNumber).ToList();
        Assert.Equal(order.OrderDescending(), order);
    }

    [Fact]
    public async Task Plan_DeleteFiles_ApplyBySequenceNumberAndPartition()
    {
        var d1 = table.File("d1", ["a"], 10);
        var d2 = table.File("d2", ["b"], 10);
        await table.CommitAsync([d1, d2]); // seq 1
        var pa = Files.PositionDeletes(table.DataPath("pa"), ["a"]);
        var eb = Files.EqualityDeletes(table.DataPath("eb"), ["b"]);
        await table.CommitAsync([], [pa, eb]); // seq 2
        var d3 = table.File("d3", ["a"], 10);
        await table.CommitAsync([d3]); // seq 3
        var ea = Files.EqualityDeletes(table.DataPath("ea"), ["a"]);
        var pd1 = Files.PositionDeletes(table.DataPath("pd1"), ["a"], referencedDataFile: d1.FilePath);
        await table.CommitAsync([], [ea, pd1]); // seq 4

        var plan = await PlanAsync();

        string Deletes(DataFile data) => string.Join(",", plan.Tasks.Single(t => t.DataFile.File.FilePath == data.FilePath)
            .DeleteFiles.Select(d => Path.GetFileName(d.File.FilePath).Split('-')[0]).Order(StringComparer.Ordinal));
        Assert.Equal("ea,pa,pd1", Deletes(d1));
        Assert.Equal("eb", Deletes(d2));
        Assert.Equal("ea", Deletes(d3));
        Assert.Equal(4, plan.Metrics.IndexedDeleteFiles);
        Assert.Equal(2, plan.Metrics.TotalDeleteManifests);

        var onlyB = await PlanAsync(Filter.Eq("category", "b"));
        Assert.Equal("eb", string.Join(",", onlyB.Tasks.Single().DeleteFiles.Select(d => Path.GetFileName(d.File.FilePath).Split('-')[0])));
        Assert.Equal(1, onlyB.Metrics.SkippedDeleteManifests);
    }

    [Fact]
    public async Task Plan_EqualityDeletesOfAnUnpartitionedSpec_AreGlobal_PositionDeletesMatchTheSequenceToo()
    {
        var d1 = table.File("d1", ["a"], 10);
        var d2 = table.File("d2", ["b"], 10);
        await table.CommitAsync([d1, d2]); // seq 1
        table.Evolve();
        var global = Files.EqualityDeletes(table.DataPath("global"), []);
        var sameSeqData = table.File("d3", [], 10);
        await table.CommitAsync([sameSeqData], [global]); // seq 2, spec 1

        var plan = await PlanAsync();

        Assert.All(plan.Tasks.Where(t => t.DataFile.SpecId == 0), t => Assert.Equal(global.FilePath, Assert.Single(t.DeleteFiles).File.FilePath));
        Assert.Empty(plan.Tasks.Single(t => t.DataFile.SpecId == 1).DeleteFiles);
    }

    [Fact]
    public async Task Plan_AfterSpecEvolution_PrunesEachSpecByItsOwnProjection()
    {
        await table.CommitAsync([table.File("old", ["a"], 10, (3, Files.Micros("2024-01-01T00:00:00Z"), Files.Micros("2024-01-09T00:00:00Z"), 0, null))]);
        table.Evolve(new PartitionField(5, 1000, "category", Transform.Identity), new PartitionField(3, 1001, "ts_day", Transform.Day));
        var jan1 = IcebergValues.Date(new DateOnly(2024, 1, 1));
        await table.CommitAsync(
        [
            table.File("day1", ["a", jan1], 10),
            table.File("day5", ["a", jan1 + 4], 10),
        ]);

        var plan = await PlanAsync(Filter.GtEq("ts", "2024-01-03T00:00:00+00:00"));

        Assert.Equal(["day5", "old"], Names(plan));
        Assert.Equal(1, plan.Metrics.SkippedDataFiles);
        Assert.Equal(1, plan.Tasks.Single(t => t.DataFile.File.FilePath.Contains("day5", StringComparison.Ordinal)).DataFile.SpecId);
    }

    [Fact]
    public async Task Plan_DeletedEntries_AreNotScanned()
    {
        var keep = table.File("keep", ["a"], 10);
        var gone = table.File("gone", ["a"], 10);
        var s1 = await table.CommitAsync([keep, gone]);
        // An overwrite that rewrites s1's manifest: keep stays EXISTING, gone is DELETED.
        async Task<ManifestFile> Rewrite(long snapshotId)
        {
            var writer = new ManifestWriter(table.Metadata.CurrentSchema, table.Metadata.DefaultSpec, snapshotId);
            writer.Existing(keep, s1.SnapshotId, 1, 1);
            writer.Delete(gone, 1, 1);
            var path = $"{table.Location}/metadata/rewritten.avro";
            using var buffer = new MemoryStream();
            var manifest = writer.Write(buffer, path);
            await table.IO.WriteAsync(path, buffer.ToArray(), default);
            return manifest;
        }
        await table.CommitAsync([], dropParentManifest: _ => true, operation: "overwrite", extraManifest: Rewrite);

        Assert.Equal(["keep"], Names(await PlanAsync()));
        Assert.Equal(["gone", "keep"], Names(await PlanAsync(snapshotId: s1.SnapshotId)));
    }

    [Fact]
    public async Task Plan_CaseInsensitiveFilter_AndSnapshotSchema_Bind_AsAsked()
    {
        var (s1, _) = await TwoSnapshotsAsync();
        var renamed = new Iomete.Iceberg.Schemas.Schema(1, TestTable.Schema.Fields.Select(f => f.Id == 5 ? f with { Name = "kind" } : f));
        table.Metadata = MetadataUpdater.Apply(table.Metadata, [new AddSchema(renamed), new SetCurrentSchema(TableUpdate.LastAdded)], table.Now);
        var planner = new ScanPlanner(table.IO);

        var current = await planner.PlanAsync(new TableScan(table.Metadata) { Filter = Filter.Eq("KIND", "a"), CaseSensitive = false }, default);
        var timeTravel = await planner.PlanAsync(
            new TableScan(table.Metadata) { Filter = Filter.Eq("category", "b"), SnapshotId = s1.SnapshotId, UseSnapshotSchema = true }, default);

        Assert.Equal(["a1"], Names(current));
        Assert.Equal(["b1", "b2"], Names(timeTravel));
        await Assert.ThrowsAsync<IcebergFormatException>(() =>
            planner.PlanAsync(new TableScan(table.Metadata) { Filter = Filter.Eq("KIND", "a") }, default));
    }
}
