using System.Net;
using System.Text.Json;
using static Iomete.Functions.Catalog.Tests.CatalogFixture;

namespace Iomete.Functions.Catalog.Tests.Tables;

public sealed class TableHistoryTests(CatalogFixture fixture) : IClassFixture<CatalogFixture>
{
    [Fact]
    public async Task Snapshots_ListNewestFirst_WithTheirParentsAndTheMainBranch()
    {
        var history = await fixture.Ana.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{TablesUrl}/orders/snapshots");
        var snapshots = history.GetProperty("snapshots").EnumerateArray().ToList();
        Assert.Equal(2, snapshots.Count);
        Assert.Equal(history.GetProperty("currentSnapshotId").GetInt64(), snapshots[0].GetProperty("snapshotId").GetInt64());
        Assert.Equal(snapshots[1].GetProperty("snapshotId").GetInt64(), snapshots[0].GetProperty("parentSnapshotId").GetInt64());
        Assert.Equal("append", snapshots[0].Str("operation"));
        Assert.Equal("5", snapshots[0].GetProperty("summary").Str("total-records"));
        Assert.Contains(history.GetProperty("refs").EnumerateArray(), r => r.Str("name") == "main" && r.Str("type") == "BRANCH");
    }

    [Fact]
    public async Task BranchesAndTags_AreCommittedAsTheCaller_AndDuplicatesConflict()
    {
        var history = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{TablesUrl}/events/snapshots");
        var current = history.GetProperty("currentSnapshotId").GetInt64();

        var tagged = await fixture.Ed.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, $"{TablesUrl}/events/snapshots/refs",
            new { name = "release-1", type = "TAG", maxRefAgeMs = 86_400_000 });
        var tag = tagged.GetProperty("refs").EnumerateArray().Single(r => r.Str("name") == "release-1");
        Assert.Equal("TAG", tag.Str("type"));
        Assert.Equal(current, tag.GetProperty("snapshotId").GetInt64());
        Assert.Equal(86_400_000, tag.GetProperty("maxRefAgeMs").GetInt64());

        var branched = await fixture.Ed.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, $"{TablesUrl}/events/snapshots/refs",
            new { name = "dev", type = "BRANCH", snapshotId = current, minSnapshotsToKeep = 2 });
        Assert.Contains(branched.GetProperty("refs").EnumerateArray(), r => r.Str("name") == "dev" && r.Str("type") == "BRANCH");
        Assert.Contains(fixture.Events.CatalogEntries, e => e.Table == "events" && e.What == "SNAPSHOT_REF");

        await fixture.Ed.ExpectAsync(HttpStatusCode.Conflict, HttpMethod.Post, $"{TablesUrl}/events/snapshots/refs", new { name = "dev", type = "TAG" });
        await fixture.Ed.ExpectAsync(HttpStatusCode.BadRequest, HttpMethod.Post, $"{TablesUrl}/events/snapshots/refs", new { name = "x", type = "TAG", snapshotId = 42 });
        await fixture.Ed.ExpectAsync(HttpStatusCode.BadRequest, HttpMethod.Post, $"{TablesUrl}/events/snapshots/refs", new { name = "x", type = "LABEL" });
        await fixture.Ed.ExpectAsync(HttpStatusCode.BadRequest, HttpMethod.Post, $"{TablesUrl}/events/snapshots/refs", new { name = "x", type = "TAG", minSnapshotsToKeep = 1 });
        await fixture.Ed.ExpectAsync(HttpStatusCode.BadRequest, HttpMethod.Post, $"{TablesUrl}/events/snapshots/refs", new { type = "TAG" });

    }

    [Fact]
    public async Task CreatingARef_WithoutAlterOnTheTable_IsRefusedByTheCatalog()
    {
        // ed manages the catalog but the REST catalog decides the commit: a deny policy on ALTER refuses it.
        await fixture.Admin.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/admin/data-security/access/policy", new
        {
            name = "no-alter-people-for-ed",
            resources = new[] { new { databases = new[] { "spark_catalog.cat" }, tables = new[] { "people" }, columns = new[] { "*" } } },
            denyPolicyItems = new[] { new { users = new[] { "ed" }, accesses = new[] { "ALTER" } } },
        });
        await fixture.Ed.ExpectAsync(HttpStatusCode.Forbidden, HttpMethod.Post, $"{TablesUrl}/people/snapshots/refs", new { name = "nope", type = "TAG" });
    }

    [Fact]
    public async Task Metrics_CompareAllSnapshotsWithTheLiveData()
    {
        await SqlAsync(fixture.Admin, "CREATE TABLE cat.churn (id INT, payload STRING)");
        await SqlAsync(fixture.Admin, "INSERT INTO cat.churn VALUES (1, 'a'), (2, 'b')");
        await SqlAsync(fixture.Admin, "INSERT INTO cat.churn VALUES (3, 'c')");
        var before = await fixture.Ana.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{TablesUrl}/churn/metrics");
        Assert.Equal(2, before.GetProperty("liveDataFiles").GetInt64());
        Assert.Equal(2, before.GetProperty("allSnapshotsDataFiles").GetInt64());
        Assert.Equal(1.0, before.GetProperty("liveDataRatio").GetDouble());

        await SqlAsync(fixture.Admin, "INSERT OVERWRITE cat.churn VALUES (9, 'z')");
        var after = await fixture.Ana.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{TablesUrl}/churn/metrics");
        Assert.Equal(1, after.GetProperty("liveDataFiles").GetInt64());
        Assert.Equal(3, after.GetProperty("allSnapshotsDataFiles").GetInt64());
        Assert.True(after.GetProperty("allSnapshotsSizeInBytes").GetInt64() > after.GetProperty("liveSizeInBytes").GetInt64());
        Assert.True(after.GetProperty("liveDataRatio").GetDouble() < 0.5);
        Assert.False(after.GetProperty("alert").GetBoolean()); // far below 100 GB
        Assert.Equal(3, after.GetProperty("snapshots").GetInt32());
    }

    [Fact]
    public void MetricsAlert_NeedsALargeTable_WithLittleLiveData()
    {
        var options = new Catalog.Tables.CatalogMetricsOptions();
        const long gb = 1_000_000_000;
        Assert.True(Catalog.Tables.GetTableMetrics.Alert(200 * gb, 50 * gb, options));
        Assert.False(Catalog.Tables.GetTableMetrics.Alert(200 * gb, 100 * gb, options));
        Assert.False(Catalog.Tables.GetTableMetrics.Alert(90 * gb, 1 * gb, options));
    }

    [Fact]
    public async Task Sample_RunsThroughTheSqlService_AsTheCaller_WithMasksApplied()
    {
        var admin = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{TablesUrl}/orders/sample");
        Assert.Equal(5, admin.GetProperty("rows").GetArrayLength());
        var notes = admin.GetProperty("rows").EnumerateArray().Select(r => r[1].GetString()).ToList();
        Assert.Contains("first", notes);
        Assert.Equal("SELECT * FROM spark_catalog.cat.orders LIMIT 100", admin.Str("query"));

        var ana = await fixture.Ana.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{TablesUrl}/orders/sample");
        var columns = ana.GetProperty("columns").EnumerateArray().Select(c => c.Str("name")).ToList();
        Assert.Equal(["id", "note"], columns);
        Assert.All(ana.GetProperty("rows").EnumerateArray(), r => Assert.Matches("^[0-9a-f]{64}$", r[1].GetString()!));
        Assert.Equal(5, ana.GetProperty("rows").GetArrayLength());
    }

    [Fact]
    public async Task Sample_OfADeniedTable_IsRefused()
    {
        var (status, text, response) = await fixture.Ana.SendRawAsync(HttpMethod.Get, $"{TablesUrl}/secret/sample");
        response.Dispose();
        Assert.True(status is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, $"{(int)status} {text}");
    }
}
