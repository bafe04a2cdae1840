using Iomete.Functions.Maintenance.Tests.Support;

namespace Iomete.Functions.Maintenance.Tests.Operations;

/// <summary>Orphan cleanup: only files beyond the retention go, and a suspicious share of orphans aborts the run.</summary>
public sealed class OrphanFileTests(MaintenanceFixture fixture) : IClassFixture<MaintenanceFixture>
{
    [Fact]
    public async Task RemoveOrphanFiles_DeletesOnlyUnreferencedFilesOlderThanTheRetention()
    {
        var table = await fixture.TableWithInsertsAsync(10);
        var data = Path.Combine(fixture.LocalFolder((await fixture.LoadAsync(table)).Metadata.Location), "data");
        var old = Write(data, "old-orphan.parquet", DateTime.UtcNow.AddDays(-10));
        var recent = Write(data, "recent-orphan.parquet", DateTime.UtcNow.AddDays(-1));
        var liveFiles = Directory.GetFiles(data, "*.parquet").Where(f => f != old && f != recent).ToList();
        foreach (var live in liveFiles)
        {
            File.SetLastWriteTimeUtc(live, DateTime.UtcNow.AddDays(-30));
        }

        var run = await fixture.RunToEndAsync(table, "REMOVE_ORPHAN_FILES");

        Assert.True(run.Str("state") == "COMPLETED", run.GetRawText());
        Assert.StartsWith("Deleted 1 orphan file(s)", run.Str("summary"), StringComparison.Ordinal);
        Assert.False(File.Exists(old));
        Assert.True(File.Exists(recent));
        Assert.All(liveFiles, f => Assert.True(File.Exists(f), f));
        Assert.Equal(["30"], (await fixture.RowsAsync($"SELECT count(*) FROM {table}"))[0]);
    }

    [Fact]
    public async Task RemoveOrphanFiles_AboveTheOrphanRatio_FailsWithTheReasonAndDeletesNothing()
    {
        var table = await fixture.TableWithInsertsAsync(1);
        var data = Path.Combine(fixture.LocalFolder((await fixture.LoadAsync(table)).Metadata.Location), "data");
        var orphans = Enumerable.Range(0, 8).Select(i => Write(data, $"stray-{i}.parquet", DateTime.UtcNow.AddDays(-10))).ToList();

        var run = await fixture.RunToEndAsync(table, "REMOVE_ORPHAN_FILES");

        Assert.Equal("FAILED", run.Str("state"));
        Assert.Contains("threshold exceeded", run.Str("reason"), StringComparison.Ordinal);
        Assert.Contains("8 of", run.Str("reason"), StringComparison.Ordinal);
        Assert.All(orphans, f => Assert.True(File.Exists(f)));
    }

    private static string Write(string folder, string name, DateTime modified)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllBytes(path, [1, 2, 3, 4]);
        File.SetLastWriteTimeUtc(path, modified);
        return path;
    }
}
