using System.Net;
using Iomete.Functions.Maintenance.Runs;
using Iomete.Functions.Maintenance.Settings;
using Iomete.Functions.Maintenance.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Iomete.Functions.Maintenance.Tests.Runs;

public sealed class RunTests(MaintenanceFixture fixture) : IClassFixture<MaintenanceFixture>
{
    [Fact]
    public async Task Trigger_WhileARunOfTheOperationIsActive_Answers409()
    {
        var table = await fixture.TableWithInsertsAsync(1);
        await Store.InsertAsync(new MaintenanceRun
        {
            Id = Guid.NewGuid().ToString(),
            Catalog = MaintenanceFixture.Catalog,
            Database = MaintenanceFixture.Database,
            Table = table,
            Operation = MaintenanceOperation.ExpireSnapshots,
            State = MaintenanceRunState.Pending,
            Trigger = MaintenanceTrigger.Manual,
            CreatedBy = "test",
            CreatedAt = DateTimeOffset.UtcNow,
        }, CancellationToken.None);

        await fixture.Admin.ExpectProblemAsync(HttpStatusCode.Conflict, "CONFLICT", HttpMethod.Post, $"{MaintenanceFixture.TablesUrl}/{table}/runs", new { operation = "EXPIRE_SNAPSHOTS" });
        await fixture.TriggerAsync(table, "REWRITE_MANIFESTS");
    }

    [Fact]
    public async Task Trigger_AfterTheRunEnded_StartsANewOne()
    {
        var table = await fixture.TableWithInsertsAsync(1);
        var first = await fixture.RunToEndAsync(table, "EXPIRE_SNAPSHOTS");

        var second = await fixture.RunToEndAsync(table, "EXPIRE_SNAPSHOTS");

        Assert.NotEqual(first.Str("id"), second.Str("id"));
        Assert.Equal("COMPLETED", second.Str("state"));
        Assert.Equal("MANUAL", second.Str("trigger"));
        Assert.True(second.TryGetProperty("startedAt", out _));
        Assert.True(second.TryGetProperty("endedAt", out _));
    }

    [Fact]
    public async Task Trigger_WithAnUnknownOperation_Answers400()
    {
        var table = await fixture.TableWithInsertsAsync(1);

        await fixture.Admin.ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR", HttpMethod.Post, $"{MaintenanceFixture.TablesUrl}/{table}/runs", new { operation = "DEFRAGMENT" });
        await fixture.Admin.ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR", HttpMethod.Post, $"{MaintenanceFixture.TablesUrl}/{table}/runs", new { });
    }

    [Fact]
    public async Task Trigger_OnAMissingTable_Answers404()
    {
        await fixture.Admin.ExpectProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND", HttpMethod.Post, $"{MaintenanceFixture.TablesUrl}/no_such_table/runs", new { operation = "EXPIRE_SNAPSHOTS" });
    }

    [Fact]
    public async Task ListRuns_FiltersByTableOperationAndState()
    {
        var table = await fixture.TableWithInsertsAsync(2);
        await fixture.RunToEndAsync(table, "EXPIRE_SNAPSHOTS");
        await fixture.RunToEndAsync(table, "REWRITE_MANIFESTS");

        var all = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{MaintenanceFixture.TablesUrl}/{table}/runs");
        var expire = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get,
            $"/api/v1/domains/{MaintenanceFixture.Domain}/compaction/runs?table={table}&operation=EXPIRE_SNAPSHOTS&state=COMPLETED");
        var failed = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{MaintenanceFixture.TablesUrl}/{table}/runs?state=FAILED");

        Assert.Equal(2, all.GetProperty("total").GetInt64());
        Assert.Equal("REWRITE_MANIFESTS", all.GetProperty("items")[0].Str("operation"));
        Assert.Equal("EXPIRE_SNAPSHOTS", Assert.Single(expire.GetProperty("items").EnumerateArray()).Str("operation"));
        Assert.Equal(0, failed.GetProperty("total").GetInt64());
        await fixture.Admin.ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR", HttpMethod.Get, $"{MaintenanceFixture.TablesUrl}/{table}/runs?state=DONE");
    }

    [Fact]
    public async Task GetRun_Unknown_Answers404()
    {
        await fixture.Admin.ExpectProblemAsync(HttpStatusCode.NotFound, "NOT_FOUND", HttpMethod.Get, $"/api/v1/domains/{MaintenanceFixture.Domain}/compaction/runs/nope");
    }

    [Fact]
    public async Task CancelRun_OfAPendingRun_FailsIt_AndAnEndedRunAnswers409()
    {
        var table = await fixture.TableWithInsertsAsync(1);
        var id = Guid.NewGuid().ToString();
        await Store.InsertAsync(new MaintenanceRun
        {
            Id = id,
            Catalog = MaintenanceFixture.Catalog,
            Database = MaintenanceFixture.Database,
            Table = table,
            Operation = MaintenanceOperation.RewriteManifests,
            State = MaintenanceRunState.Pending,
            Trigger = MaintenanceTrigger.Manual,
            CreatedBy = "test",
            CreatedAt = DateTimeOffset.UtcNow,
        }, CancellationToken.None);
        var url = $"/api/v1/domains/{MaintenanceFixture.Domain}/compaction/runs/{id}";

        var cancelled = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, url + "/cancel");

        Assert.Equal("FAILED", cancelled.Str("state"));
        Assert.Equal("Cancelled on request", cancelled.Str("reason"));
        await fixture.Admin.ExpectProblemAsync(HttpStatusCode.Conflict, "CONFLICT", HttpMethod.Post, url + "/cancel");
        await fixture.TriggerAsync(table, "REWRITE_MANIFESTS");
    }

    [Fact]
    public async Task InternalRoutes_RefuseUsers()
    {
        await fixture.Admin.ExpectProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN", HttpMethod.Post, "/internal/v1/maintenance/detect");
        await fixture.Admin.ExpectProblemAsync(HttpStatusCode.Forbidden, "FORBIDDEN", HttpMethod.Post, "/internal/v1/maintenance/runs/x/execute");
    }

    private RunStore Store => fixture.Platform.Services.GetRequiredService<RunStore>();
}
