using Iomete.Functions.Maintenance.Tests.Support;
using Iomete.Iceberg.Metadata;

namespace Iomete.Functions.Maintenance.Tests.Operations;

/// <summary>Compaction of a table written by 200 INSERTs, through the real SQL service, engine, REST catalog and durable workflow.</summary>
public sealed class CompactionTests(MaintenanceFixture fixture) : IClassFixture<MaintenanceFixture>
{
    [Fact]
    public async Task RewriteDataFiles_On200SmallFiles_CompactsIntoFewFilesWithTheSameRows()
    {
        var table = await fixture.TableWithInsertsAsync(200);
        var countBefore = await fixture.RowsAsync($"SELECT count(*), sum(id), sum(amount), count(DISTINCT name) FROM {table}");
        var sampleBefore = await fixture.RowsAsync($"SELECT id, amount, name FROM {table} WHERE id % 37 = 0 ORDER BY id");
        var snapshotsBefore = (await fixture.LoadAsync(table)).Metadata.Snapshots.Count;

        var run = await fixture.RunToEndAsync(table, "REWRITE_DATA_FILES");

        Assert.True(run.Str("state") == "COMPLETED", run.GetRawText());
        Assert.Equal(200, run.GetProperty("before").GetProperty("dataFiles").GetInt64());
        Assert.Equal(200, run.GetProperty("before").GetProperty("smallFiles").GetInt64());
        Assert.InRange(run.GetProperty("after").GetProperty("dataFiles").GetInt64(), 1, 3);
        Assert.Equal(600, run.GetProperty("after").GetProperty("records").GetInt64());
        Assert.Contains("Rewrote 200 data file(s)", run.Str("summary"), StringComparison.Ordinal);
        Assert.Equal(["600", "179700", "269550", "600"], (await fixture.RowsAsync($"SELECT count(*), sum(id), sum(amount), count(DISTINCT name) FROM {table}"))[0]);
        Assert.Equal(countBefore, await fixture.RowsAsync($"SELECT count(*), sum(id), sum(amount), count(DISTINCT name) FROM {table}"));
        Assert.Equal(sampleBefore, await fixture.RowsAsync($"SELECT id, amount, name FROM {table} WHERE id % 37 = 0 ORDER BY id"));

        var metadata = (await fixture.LoadAsync(table)).Metadata;
        Assert.Equal(snapshotsBefore + 1, metadata.Snapshots.Count);
        Assert.Equal(SnapshotOperations.Replace, metadata.CurrentSnapshot!.Summary["operation"]);
    }

    [Fact]
    public async Task RewriteDataFiles_WithOneFile_CompletesWithNothingToDo()
    {
        var table = await fixture.TableWithInsertsAsync(1);

        var run = await fixture.RunToEndAsync(table, "REWRITE_DATA_FILES");

        Assert.Equal("COMPLETED", run.Str("state"));
        Assert.StartsWith("Nothing to rewrite", run.Str("summary"), StringComparison.Ordinal);
        Assert.Equal(1, run.GetProperty("after").GetProperty("dataFiles").GetInt64());
    }

    [Fact]
    public async Task RewriteManifests_AfterManyInserts_MergesThemIntoOne()
    {
        var table = await fixture.TableWithInsertsAsync(12);

        var run = await fixture.RunToEndAsync(table, "REWRITE_MANIFESTS");

        Assert.True(run.Str("state") == "COMPLETED", run.GetRawText());
        Assert.Equal(12, run.GetProperty("before").GetProperty("manifests").GetInt32());
        Assert.Equal(1, run.GetProperty("after").GetProperty("manifests").GetInt32());
        Assert.Equal(["36", "630"], (await fixture.RowsAsync($"SELECT count(*), sum(id) FROM {table}"))[0]);
    }

    [Fact]
    public async Task ExpireSnapshots_KeepsTheLastN_AndTheKeptOnesStayReadableByTimeTravel()
    {
        var table = await fixture.TableWithInsertsAsync(6);
        var before = (await fixture.LoadAsync(table)).Metadata;
        var ordered = before.Snapshots.OrderBy(s => s.SequenceNumber).ToList();
        await fixture.PutOverridesAsync(table, new { expireSnapshots = new { mode = "ENABLED", olderThanDays = 0, retainLast = 3 } });

        var run = await fixture.RunToEndAsync(table, "EXPIRE_SNAPSHOTS");

        Assert.True(run.Str("state") == "COMPLETED", run.GetRawText());
        Assert.Equal(6, run.GetProperty("before").GetProperty("snapshots").GetInt32());
        Assert.Equal(3, run.GetProperty("after").GetProperty("snapshots").GetInt32());
        var after = (await fixture.LoadAsync(table)).Metadata;
        Assert.Equal(ordered.TakeLast(3).Select(s => s.SnapshotId).Order(), after.Snapshots.Select(s => s.SnapshotId).Order());
        var kept = ordered[^3];
        Assert.Equal(["12"], (await fixture.RowsAsync($"SELECT count(*) FROM {table} AT (VERSION => {kept.SnapshotId})"))[0]);
        Assert.Equal(["18"], (await fixture.RowsAsync($"SELECT count(*) FROM {table}"))[0]);
        var expired = await fixture.Admin.ExpectAsync(System.Net.HttpStatusCode.OK, HttpMethod.Post, $"{MaintenanceFixture.QueriesUrl}?wait=30",
            new { query = $"SELECT count(*) FROM {table} AT (VERSION => {ordered[0].SnapshotId})", computeCluster = "local", catalog = MaintenanceFixture.Catalog, database = MaintenanceFixture.Database });
        Assert.Equal("FAILED", expired.Str("status"));
    }

    [Fact]
    public async Task RunStateChanges_ArePublishedOnTheMaintenanceTopic()
    {
        var table = await fixture.TableWithInsertsAsync(2);

        var run = await fixture.RunToEndAsync(table, "REWRITE_DATA_FILES");

        var deadline = DateTime.UtcNow.AddSeconds(10);
        List<Iomete.Platform.Messaging.MaintenanceRunStateChanged> events;
        do
        {
            events = fixture.Events.Maintenance.Where(e => e.RunId == run.Str("id")).ToList();
            await Task.Delay(20);
        }
        while (events.Count < 3 && DateTime.UtcNow < deadline);
        Assert.Equal(["PENDING", "RUNNING", "COMPLETED"], events.Select(e => e.State));
        Assert.Equal([null, "PENDING", "RUNNING"], events.Select(e => e.PreviousState));
        Assert.All(events, e => Assert.Equal("REWRITE_DATA_FILES", e.Operation));
        Assert.All(events, e => Assert.Equal(table, e.Table));
        Assert.All(events, e => Assert.Equal([MaintenanceFixture.Database], e.Namespace));
    }
}
