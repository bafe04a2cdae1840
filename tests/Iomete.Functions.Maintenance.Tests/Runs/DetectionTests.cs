using System.Net;
using Iomete.Functions.Maintenance.Tests.Support;

namespace Iomete.Functions.Maintenance.Tests.Runs;

/// <summary>Detection on its own platform: it starts runs for every table of an enabled catalog.</summary>
public sealed class DetectionTests(MaintenanceFixture fixture) : IClassFixture<MaintenanceFixture>
{
    private const string CatalogUrl = $"/api/v1/admin/compaction/catalogs/{MaintenanceFixture.Catalog}";

    [Fact]
    public async Task Detection_StartsDueRuns_ThenRespectsTheCooldown_AndSkipsDisabledCatalogs()
    {
        var table = await fixture.TableWithInsertsAsync(6);
        using var scheduler = fixture.Internal();
        var idle = await scheduler.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, "/internal/v1/maintenance/detect");
        Assert.Equal(0, idle.GetProperty("runsStarted").GetInt32());
        await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, CatalogUrl, new
        {
            enabled = true,
            rewriteDataFiles = new { minInputFiles = 5 },
            rewriteManifests = new { enabled = false },
            expireSnapshots = new { enabled = false },
            removeOrphanFiles = new { enabled = false },
        });

        var first = await scheduler.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, "/internal/v1/maintenance/detect");

        var started = Assert.Single(first.GetProperty("started").EnumerateArray()).GetString()!;
        var run = await fixture.WaitForRunAsync(started);
        Assert.Equal("COMPLETED", run.Str("state"));
        Assert.Equal("AUTOMATIC", run.Str("trigger"));
        Assert.Equal(table, run.Str("table"));
        Assert.Equal(1, run.GetProperty("after").GetProperty("dataFiles").GetInt64());

        await fixture.SqlAsync($"INSERT INTO {table} SELECT * FROM {table}");
        for (var i = 0; i < 5; i++)
        {
            await fixture.SqlAsync($"INSERT INTO {table} VALUES ({1000 + i}, 1.0, 'again')");
        }
        var second = await scheduler.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, "/internal/v1/maintenance/detect");
        Assert.Equal(0, second.GetProperty("runsStarted").GetInt32());
    }
}
