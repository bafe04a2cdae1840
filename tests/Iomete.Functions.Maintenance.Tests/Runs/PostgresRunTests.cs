using System.Net;
using Iomete.Functions.Maintenance.Runs;
using Iomete.Functions.Maintenance.Settings;
using Iomete.Functions.Maintenance.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Iomete.Functions.Maintenance.Tests.Runs;

/// <summary>The store's SQL on PostgreSQL: settings upserts, the one-active-run index, the cooldown query, list filters.</summary>
public sealed class PostgresRunTests(PostgresMaintenanceFixture fixture) : IClassFixture<PostgresMaintenanceFixture>
{
    [Fact]
    public async Task OnPostgres_DetectionCompactsThenCoolsDown_AndManualRunsAreListedAndRefusedWhileActive()
    {
        if (!fixture.Started)
        {
            return;
        }
        var table = await fixture.TableWithInsertsAsync(6);
        await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, $"/api/v1/admin/compaction/catalogs/{MaintenanceFixture.Catalog}", new
        {
            enabled = true,
            rewriteManifests = new { enabled = false },
            expireSnapshots = new { enabled = false },
            removeOrphanFiles = new { enabled = false },
        });
        using var scheduler = fixture.Internal();

        var first = await scheduler.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, "/internal/v1/maintenance/detect");
        var run = await fixture.WaitForRunAsync(Assert.Single(first.GetProperty("started").EnumerateArray()).GetString()!);
        var second = await scheduler.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, "/internal/v1/maintenance/detect");

        Assert.Equal("COMPLETED", run.Str("state"));
        Assert.Equal(1, run.GetProperty("after").GetProperty("dataFiles").GetInt64());
        Assert.Equal(0, second.GetProperty("runsStarted").GetInt32());
        Assert.Equal(["18"], (await fixture.RowsAsync($"SELECT count(*) FROM {table}"))[0]);

        var manual = await fixture.TriggerAsync(table, "EXPIRE_SNAPSHOTS");
        await fixture.WaitForRunAsync(manual.Str("id"));
        await fixture.Platform.Services.GetRequiredService<RunStore>().InsertAsync(new MaintenanceRun
        {
            Id = Guid.NewGuid().ToString(),
            Catalog = MaintenanceFixture.Catalog,
            Database = MaintenanceFixture.Database,
            Table = table,
            Operation = MaintenanceOperation.RemoveOrphanFiles,
            State = MaintenanceRunState.Pending,
            Trigger = MaintenanceTrigger.Manual,
            CreatedBy = "test",
            CreatedAt = DateTimeOffset.UtcNow,
        }, CancellationToken.None);
        await fixture.Admin.ExpectProblemAsync(HttpStatusCode.Conflict, "CONFLICT", HttpMethod.Post, $"{MaintenanceFixture.TablesUrl}/{table}/runs", new { operation = "REMOVE_ORPHAN_FILES" });
        var list = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get,
            $"/api/v1/domains/{MaintenanceFixture.Domain}/compaction/runs?table={table}&state=COMPLETED&sort=createdAt");

        Assert.Equal(["REWRITE_DATA_FILES", "EXPIRE_SNAPSHOTS"], list.GetProperty("items").EnumerateArray().Select(r => r.Str("operation")).Take(2));
    }
}
