using System.Text;
using Iomete.Iceberg.Commits;
using Iomete.Iceberg.Json;
using Iomete.Iceberg.Maintenance;
using Iomete.Iceberg.Metadata;
using Iomete.Iceberg.Tests.Scan;

namespace Iomete.Iceberg.Tests.Maintenance;

public sealed class RemoveOrphanFilesTests : IDisposable
{
    private readonly TestTable table = new();

    public void Dispose() => table.Dispose();

    private async Task WriteAsync(string location) => await table.IO.WriteAsync(location, Encoding.UTF8.GetBytes("x"), default);

    private async Task<string> WriteMetadataAsync(int version)
    {
        var location = $"{table.Location}/metadata/{version:D5}-{Guid.NewGuid()}.metadata.json";
        await table.IO.WriteAsync(location, Encoding.UTF8.GetBytes(TableMetadataJson.ToJson(table.Metadata)), default);
        return location;
    }

    [Fact]
    public async Task Find_ReturnsOnlyUnreachableFiles()
    {
        var f1 = table.File("f1", ["a"], 1);
        await table.CommitAsync([f1]);
        var pos = Files.PositionDeletes(table.DataPath("pos"), ["a"]);
        await table.CommitAsync([table.File("f2", ["b"], 1)], [pos]);
        var previous = await WriteMetadataAsync(1);
        table.Metadata = table.Metadata with { MetadataLog = [new MetadataLogEntry(previous, table.Now)] };
        var stats = new StatisticsFile(table.Metadata.CurrentSnapshotId!.Value, $"{table.Location}/metadata/stats.puffin", 1, 1, []);
        table.Metadata = MetadataUpdater.Apply(table.Metadata, [new SetStatistics(stats)], table.Now);
        await WriteAsync(stats.StatisticsPath);
        await WriteAsync(f1.FilePath);
        await WriteAsync(pos.FilePath);
        var current = await WriteMetadataAsync(2);
        var orphanData = $"{table.Location}/data/orphan.parquet";
        var orphanMetadata = $"{table.Location}/metadata/00000-old.metadata.json";
        await WriteAsync(orphanData);
        await WriteAsync(orphanMetadata);
        await table.IO.WriteAsync(table.IO.Root + "/db/other/x.parquet", new byte[] { 1 }, default);

        var orphans = await new RemoveOrphanFiles(table.IO).FindAsync(table.Metadata, current, DateTimeOffset.UtcNow.AddMinutes(1), default);

        Assert.Equal([orphanData, orphanMetadata], orphans.Select(o => o.Location).Order(StringComparer.Ordinal));
        Assert.All(orphans, o => Assert.Equal(1, o.Size));
    }

    [Fact]
    public async Task Find_IgnoresFilesNewerThanTheGuard()
    {
        await table.CommitAsync([table.File("f1", ["a"], 1)]);
        await WriteAsync($"{table.Location}/data/in-flight.parquet");

        var orphans = await new RemoveOrphanFiles(table.IO).FindAsync(table.Metadata, null, DateTimeOffset.UtcNow.AddMinutes(-5), default);

        Assert.Empty(orphans);
    }

    [Fact]
    public async Task Find_AfterExpiringSnapshots_ReportsWhatExpireWouldDelete()
    {
        var s1 = await table.CommitAsync([table.File("f1", ["a"], 1)]);
        var first = Iomete.Iceberg.Manifests.ManifestListReader.Read(await table.IO.ReadAllAsync(s1.ManifestList, default)).Manifests.Single().ManifestPath;
        await table.CommitAsync([table.File("f2", ["b"], 1)], dropParentManifest: m => m.ManifestPath == first, operation: "overwrite");
        var plan = await new ExpireSnapshots(table.IO).PlanAsync(table.Metadata, new ExpireSnapshotsOptions(table.Now) { OlderThanMs = table.Now }, default);
        table.Metadata = MetadataUpdater.Apply(table.Metadata, plan.Updates, table.Now);

        var orphans = await new RemoveOrphanFiles(table.IO).FindAsync(table.Metadata, null, DateTimeOffset.UtcNow.AddMinutes(1), default);

        // Data files were never written in this test, so only the expired snapshot's list and manifest remain as files.
        Assert.Equal(plan.FilesToDelete.Where(p => !p.Contains("/data/", StringComparison.Ordinal)).Order(StringComparer.Ordinal),
            orphans.Select(o => o.Location).Order(StringComparer.Ordinal));
    }
}
