using Iomete.Iceberg.Commits;
using Iomete.Iceberg.Json;
using Iomete.Iceberg.Maintenance;
using Iomete.Iceberg.Manifests;
using Iomete.Iceberg.Metadata;
using Iomete.Iceberg.Tests.Scan;

namespace Iomete.Iceberg.Tests.Maintenance;

public sealed class ExpireSnapshotsTests : IDisposable
{
    private readonly TestTable table = new();

    public void Dispose() => table.Dispose();

    private Task<ExpireSnapshotsPlan> PlanAsync(long? olderThan = null, int? retainLast = null, long? now = null) =>
        new ExpireSnapshots(table.IO, 2).PlanAsync(table.Metadata,
            new ExpireSnapshotsOptions(now ?? table.Now) { OlderThanMs = olderThan, RetainLast = retainLast }, default);

    /// <summary>s1 adds f1, s2 adds f2, s3 replaces s1's manifest (f1 gone) and adds f3, s4 adds f4.</summary>
    private async Task<List<Snapshot>> HistoryAsync()
    {
        var s1 = await table.CommitAsync([table.File("f1", ["a"], 1)]);
        var firstManifest = (await ListAsync(s1)).Single().ManifestPath;
        var s2 = await table.CommitAsync([table.File("f2", ["a"], 1)]);
        var s3 = await table.CommitAsync([table.File("f3", ["b"], 1)], dropParentManifest: m => m.ManifestPath == firstManifest, operation: "overwrite");
        var s4 = await table.CommitAsync([table.File("f4", ["b"], 1)]);
        return [s1, s2, s3, s4];
    }

    private async Task<IReadOnlyList<ManifestFile>> ListAsync(Snapshot s) =>
        ManifestListReader.Read(await table.IO.ReadAllAsync(s.ManifestList, default)).Manifests;

    private TableMetadata Apply(ExpireSnapshotsPlan plan)
    {
        foreach (var requirement in plan.Requirements)
        {
            requirement.Check(table.Metadata);
        }
        var result = MetadataUpdater.Apply(table.Metadata, plan.Updates, table.Now);
        TableMetadataJson.Validate(result);
        return result;
    }

    [Fact]
    public async Task OlderThan_ExpiresOldSnapshots_AndListsOnlyUnreachableFiles()
    {
        var s = await HistoryAsync();

        var plan = await PlanAsync(olderThan: s[2].TimestampMs);

        Assert.Equal([s[0].SnapshotId, s[1].SnapshotId], plan.ExpiredSnapshotIds);
        var firstManifest = (await ListAsync(s[0])).Single().ManifestPath;
        Assert.Contains(plan.FilesToDelete, p => p.Contains("/data/f1-", StringComparison.Ordinal));
        Assert.Contains(firstManifest, plan.FilesToDelete);
        Assert.Contains(s[0].ManifestList, plan.FilesToDelete);
        Assert.Contains(s[1].ManifestList, plan.FilesToDelete);
        Assert.Equal(4, plan.FilesToDelete.Count);
        Assert.DoesNotContain(plan.FilesToDelete, p => p.Contains("/data/f2-", StringComparison.Ordinal));

        var after = Apply(plan);
        Assert.Equal([s[2].SnapshotId, s[3].SnapshotId], after.Snapshots.Select(x => x.SnapshotId));
        Assert.Equal(s[3].SnapshotId, after.CurrentSnapshotId);
    }

    [Fact]
    public async Task RetainLast_KeepsThatManyAncestorsEvenWhenOld()
    {
        var s = await HistoryAsync();

        var plan = await PlanAsync(olderThan: table.Now + 1, retainLast: 3);

        Assert.Equal([s[0].SnapshotId], plan.ExpiredSnapshotIds);
    }

    [Fact]
    public async Task TheCurrentSnapshot_IsNeverExpired()
    {
        var s = await HistoryAsync();

        var plan = await PlanAsync(olderThan: table.Now + 1_000_000, retainLast: 1);

        Assert.Equal(3, plan.ExpiredSnapshotIds.Count);
        Assert.DoesNotContain(s[3].SnapshotId, plan.ExpiredSnapshotIds);
        Assert.Equal(s[3].SnapshotId, Apply(plan).CurrentSnapshotId);
    }

    [Fact]
    public async Task Defaults_ComeFromTableProperties()
    {
        var s = await HistoryAsync();

        // Without properties the default age is 5 days: nothing in this 4-minute history expires.
        Assert.Empty((await PlanAsync()).Updates);

        table.Metadata = MetadataUpdater.Apply(table.Metadata, [new SetProperties(new Dictionary<string, string>
        {
            [ExpireSnapshots.MaxSnapshotAgeProperty] = "1",
            [ExpireSnapshots.MinSnapshotsToKeepProperty] = "2",
        })], table.Now);

        var plan = await PlanAsync();
        Assert.Equal([s[0].SnapshotId, s[1].SnapshotId], plan.ExpiredSnapshotIds);
    }

    [Fact]
    public async Task TagsAndBranches_KeepTheirSnapshots_AndRefSettingsWin()
    {
        var s = await HistoryAsync();
        table.Metadata = MetadataUpdater.Apply(table.Metadata,
        [
            new SetSnapshotRef("v1", SnapshotRef.Tag(s[0].SnapshotId)),
            new SetSnapshotRef("main", SnapshotRef.Branch(s[3].SnapshotId) with { MinSnapshotsToKeep = 3 }),
        ], table.Now);

        var plan = await PlanAsync(olderThan: table.Now + 1, retainLast: 1);

        Assert.Empty(plan.ExpiredSnapshotIds);
        Assert.Empty(plan.Updates);
    }

    [Fact]
    public async Task RefsOlderThanTheirMaxRefAge_AreRemoved_ThenTheirSnapshotsExpire()
    {
        var s = await HistoryAsync();
        table.Metadata = MetadataUpdater.Apply(table.Metadata,
        [
            new SetSnapshotRef("old-tag", SnapshotRef.Tag(s[0].SnapshotId) with { MaxRefAgeMs = 1 }),
            new SetSnapshotRef("young-tag", SnapshotRef.Tag(s[1].SnapshotId)),
            new SetSnapshotRef("main", SnapshotRef.Branch(s[3].SnapshotId) with { MaxRefAgeMs = 1 }),
        ], table.Now);

        var plan = await PlanAsync(olderThan: table.Now + 1, retainLast: 1);

        Assert.Equal(["old-tag"], plan.RemovedRefs);
        Assert.Equal([s[0].SnapshotId, s[2].SnapshotId], plan.ExpiredSnapshotIds);
        Assert.IsType<RemoveSnapshotRef>(plan.Updates[0]);
        var after = Apply(plan);
        Assert.Equal(["main", "young-tag"], after.Refs.Keys.Order(StringComparer.Ordinal));
        Assert.Contains(plan.Requirements, r => r is AssertRefSnapshotId { Ref: "old-tag" });
    }

    [Fact]
    public async Task StatisticsFiles_OfExpiredSnapshots_AreDeletedToo()
    {
        var s = await HistoryAsync();
        var stats = new StatisticsFile(s[0].SnapshotId, $"{table.Location}/metadata/stats-1.puffin", 10, 5, []);
        table.Metadata = MetadataUpdater.Apply(table.Metadata, [new SetStatistics(stats)], table.Now);

        var plan = await PlanAsync(olderThan: s[1].TimestampMs);

        Assert.Contains(stats.StatisticsPath, plan.FilesToDelete);
        Assert.Empty(Apply(plan).Statistics);
    }
}
