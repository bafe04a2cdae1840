using Iomete.Iceberg.Commits;
using Iomete.Iceberg.Json;
using Iomete.Iceberg.Maintenance;
using Iomete.Iceberg.Manifests;
using Iomete.Iceberg.Metadata;
using Iomete.Iceberg.Partitioning;
using Iomete.Iceberg.Scan;
using Iomete.Iceberg.Sorting;
using Iomete.Iceberg.Tests.Scan;

namespace Iomete.Iceberg.Tests.Maintenance;

public sealed class RewriteManifestsTests : IDisposable
{
    private readonly TestTable table = new();

    public void Dispose() => table.Dispose();

    private Task<RewriteManifestsPlan> PlanAsync(long target = RewriteManifests.DefaultTargetSizeBytes) =>
        new RewriteManifests(table.IO, new SnapshotIdGenerator(), TimeProvider.System).PlanAsync(table.Metadata, target, default);

    private async Task<List<string>> ScanAsync(Iomete.Iceberg.Expressions.Expression? filter = null)
    {
        var plan = await new ScanPlanner(table.IO).PlanAsync(new TableScan(table.Metadata) { Filter = filter ?? Iomete.Iceberg.Expressions.Expression.True }, default);
        return [.. plan.Tasks.Select(t => $"{t.DataFile.File.FilePath}@{t.DataFile.SpecId}/{t.DataFile.DataSequenceNumber}/{t.DataFile.FileSequenceNumber}:"
            + string.Join(",", t.DeleteFiles.Select(d => d.File.FilePath).Order(StringComparer.Ordinal))).Order(StringComparer.Ordinal)];
    }

    private async Task BuildAsync()
    {
        await table.CommitAsync([table.File("a1", ["a"], 10, (1, 1L, 10L, 0, null)), table.File("b1", ["b"], 10, (1, 11L, 20L, 0, null))]);
        await table.CommitAsync([table.File("a2", ["a"], 10, (1, 21L, 30L, 0, null))]);
        await table.CommitAsync([], [Files.EqualityDeletes(table.DataPath("eq"), ["a"])]);
        await table.CommitAsync([table.File("b2", ["b"], 10, (1, 31L, 40L, 0, null))]);
        table.Evolve(new PartitionField(5, 1000, "category", Transform.Identity), new PartitionField(1, 1001, "id_bucket", Transform.Bucket(4)));
        await table.CommitAsync([table.File("c1", ["c", 1], 10, (1, 41L, 50L, 0, null))]);
        await table.CommitAsync([table.File("c2", ["c", 2], 10, (1, 51L, 60L, 0, null))]);
    }

    [Fact]
    public async Task Rewrite_MergesManifestsPerSpec_AndScanningGivesTheSameFiles()
    {
        await BuildAsync();
        var before = await ScanAsync();
        var filtered = await ScanAsync(Iomete.Iceberg.Expressions.Filter.Eq("category", "a"));
        var current = table.Metadata.CurrentSnapshot!;

        var plan = await PlanAsync();

        Assert.Equal(5, plan.ManifestsReplaced);
        Assert.Equal(2, plan.ManifestsCreated);
        var requirement = Assert.IsType<AssertRefSnapshotId>(Assert.Single(plan.Requirements));
        Assert.Equal(("main", (long?)current.SnapshotId), (requirement.Ref, requirement.SnapshotId));
        requirement.Check(table.Metadata);
        table.Metadata = MetadataUpdater.Apply(table.Metadata, plan.Updates, table.Now);
        TableMetadataJson.Validate(table.Metadata);
        var snapshot = table.Metadata.CurrentSnapshot!;
        Assert.Equal(plan.Snapshot, snapshot);
        Assert.Equal(SnapshotOperations.Replace, snapshot.Operation);
        Assert.Equal(current.SnapshotId, snapshot.ParentSnapshotId);
        Assert.Equal(("2", "5", "1"), (snapshot.Summary["manifests-created"], snapshot.Summary["manifests-replaced"], snapshot.Summary["manifests-kept"]));
        Assert.Equal(before, await ScanAsync());
        Assert.Equal(filtered, await ScanAsync(Iomete.Iceberg.Expressions.Filter.Eq("category", "a")));

        var list = ManifestListReader.Read(await table.IO.ReadAllAsync(snapshot.ManifestList, default));
        Assert.Equal([0, 1], list.Manifests.Where(m => m.Content == ManifestContent.Data).Select(m => m.PartitionSpecId).Order());
        foreach (var m in list.Manifests.Where(m => m.Content == ManifestContent.Data))
        {
            Assert.Equal(snapshot.SequenceNumber, m.SequenceNumber);
            var manifest = ManifestReader.Read(await table.IO.ReadAllAsync(m.ManifestPath, default), m);
            Assert.All(manifest.Entries, e => Assert.Equal(EntryStatus.Existing, e.Status));
            Assert.All(manifest.Entries, e => Assert.NotEqual(snapshot.SnapshotId, e.SnapshotId));
            Assert.Equal(manifest.Entries.Min(e => e.SequenceNumber), m.MinSequenceNumber);
        }
        Assert.All(plan.WrittenFiles, f => Assert.True(table.IO.ExistsAsync(f, default).Result));
    }

    [Fact]
    public async Task Rewrite_SmallTarget_SplitsIntoSeveralManifests()
    {
        await BuildAsync();
        var before = await ScanAsync();

        var plan = await PlanAsync(target: 1);

        Assert.Equal(6, plan.ManifestsCreated);
        table.Metadata = MetadataUpdater.Apply(table.Metadata, plan.Updates, table.Now);
        Assert.Equal(before, await ScanAsync());
    }

    [Fact]
    public async Task Rewrite_NothingToMerge_ReturnsNoUpdates()
    {
        await table.CommitAsync([table.File("a1", ["a"], 10)]);

        var plan = await PlanAsync();

        Assert.Empty(plan.Updates);
        Assert.Empty(plan.WrittenFiles);
        Assert.Empty((await PlanAsync()).Requirements);
    }

    [Fact]
    public async Task Rewrite_StaleBase_FailsTheRequirement()
    {
        await BuildAsync();
        var plan = await PlanAsync();
        await table.CommitAsync([table.File("late", ["a", 0], 1)]);

        Assert.Throws<CommitConflictException>(() => plan.Requirements[0].Check(table.Metadata));
    }

    [Fact]
    public async Task Rewrite_NonV2Table_IsRefused()
    {
        var v1 = TableMetadata.NewTable(TestTable.Schema, TestTable.CategorySpec, SortOrder.Unsorted, table.Location, formatVersion: 1);

        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            new RewriteManifests(table.IO, new SnapshotIdGenerator(), TimeProvider.System).PlanAsync(v1, 1, default));
    }
}
