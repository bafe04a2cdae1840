using System.Net;
using Iomete.Testing;
using Iomete.Workflows.Runs;

namespace Iomete.Functions.Orchestrator.Tests.Schedules;

/// <summary>SQL query schedules on the embedded engine: fires, one task per query, failures, backfills, pause and resume.</summary>
public sealed class SqlScheduleTests(SchedulesFixture fixture) : IClassFixture<SchedulesFixture>
{
    private const string Root = SchedulesFixture.Root;

    [Fact]
    public async Task SecondsCron_FiresRuns_EachRunningEveryQueryAsATask_AndTheSqlRuns()
    {
        var db = await fixture.DatabaseAsync();
        await fixture.SqlAsync("CREATE TABLE hits (n INT)", db);
        var schedule = await fixture.CreateAsync(new
        {
            cron = "*/2 * * * * *",
            queries = new[] { "INSERT INTO hits VALUES (1)", "SELECT count(*) FROM hits" },
            catalog = "spark_catalog",
            database = db,
        });
        Assert.Equal("ACTIVE", schedule.Str("status"));
        Assert.Equal("SQL_QUERIES", schedule.Str("targetType"));
        Assert.Equal("local", schedule.Str("compute"));
        Assert.True(schedule.GetProperty("nextFireAt").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddSeconds(-1));
        var id = schedule.Str("id");

        var runs = await fixture.WaitForRunsAsync(id, r => r.Count(x => x.Str("state") == "COMPLETED") >= 2);
        await fixture.PauseAsync(id);

        var completed = runs.Where(r => r.Str("state") == "COMPLETED").ToList();
        Assert.All(completed, r => Assert.Equal("SCHEDULE", r.Str("trigger")));
        var fireTimes = runs.Select(r => r.GetProperty("scheduledFor").GetDateTimeOffset()).ToList();
        Assert.Equal(fireTimes.Count, fireTimes.Distinct().Count());
        Assert.All(fireTimes, f => Assert.Equal(0, f.Second % 2));
        foreach (var run in completed)
        {
            var tasks = await fixture.TasksAsync(run.Str("id"));
            Assert.Equal(["query-1", "query-2"], tasks.Select(t => t.TaskKey));
            Assert.All(tasks, t => Assert.Equal(WorkflowRunState.Completed, t.State));
            Assert.All(tasks, t => Assert.False(string.IsNullOrEmpty(t.ExternalId)));
            Assert.All(tasks, t => Assert.True(t.EndedAt >= t.StartedAt));
        }
        var count = await fixture.SqlAsync("SELECT count(*) FROM hits", db);
        var rows = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{SchedulesFixture.Queries}/{count.Str("id")}/results");
        Assert.True(rows.GetProperty("rows")[0][0].GetInt64() >= completed.Count);

        var listed = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{Root}/{id}");
        Assert.Equal("PAUSED", listed.Str("status"));
        Assert.NotEmpty(listed.GetProperty("recentRuns").EnumerateArray());
    }

    [Fact]
    public async Task AFailingQuery_FailsTheRun_AndTheQueriesAfterItAreCancelled()
    {
        var schedule = await fixture.CreateAsync(new
        {
            cron = "0 0 1 1 *",
            paused = true,
            queries = new[] { "SELECT 1", "SELECT * FROM no_such_table_anywhere", "SELECT 2" },
        });
        var run = await fixture.Admin.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, $"{Root}/{schedule.Str("id")}/trigger");
        Assert.Equal("MANUAL", run.Str("trigger"));
        var runs = await fixture.WaitForRunsAsync(schedule.Str("id"), r => r.Count == 1 && SchedulesFixture.Ended(r[0]));
        Assert.Equal("FAILED", runs[0].Str("state"));
        Assert.StartsWith("query-2 failed:", runs[0].Str("stateMessage"));
        var tasks = await fixture.TasksAsync(run.Str("id"));
        Assert.Equal([WorkflowRunState.Completed, WorkflowRunState.Failed, WorkflowRunState.Cancelled], tasks.Select(t => t.State));
        Assert.Null(tasks[2].ExternalId);
    }

    [Fact]
    public async Task Backfill_MakesOneRunPerFireTime_AndNeverASecondRunOfOne()
    {
        var schedule = await fixture.CreateAsync(new { cron = "0 * * * *", paused = true, queries = new[] { "SELECT 1" } });
        var id = schedule.Str("id");
        var first = await fixture.Admin.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, $"{Root}/{id}/backfill",
            new { from = "2026-01-01T00:00:00Z", to = "2026-01-01T03:00:00Z" });
        Assert.Equal(3, first.GetProperty("created").GetArrayLength());
        var second = await fixture.Admin.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, $"{Root}/{id}/backfill",
            new { from = "2026-01-01T01:00:00Z", to = "2026-01-01T05:00:00Z" });
        Assert.Equal(2, second.GetProperty("created").GetArrayLength());
        Assert.Equal(2, second.GetProperty("alreadyRun").GetArrayLength());

        var runs = await fixture.WaitForRunsAsync(id, r => r.Count == 5 && r.All(SchedulesFixture.Ended));
        Assert.All(runs, r => Assert.Equal("BACKFILL", r.Str("trigger")));
        Assert.All(runs, r => Assert.Equal("COMPLETED", r.Str("state")));
        Assert.Equal(5, runs.Select(r => r.GetProperty("scheduledFor").GetDateTimeOffset()).Distinct().Count());

        var tooMany = await fixture.Admin.ExpectProblemAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR", HttpMethod.Post, $"{Root}/{id}/backfill",
            new { from = "2026-01-01T00:00:00Z", to = "2026-02-01T00:00:00Z" });
        Assert.Contains("100", tooMany.Str("detail"));
    }

    [Fact]
    public async Task Pause_StopsTheFires_AndResume_StartsThemAgain()
    {
        var schedule = await fixture.CreateAsync(new { cron = "* * * * * *", queries = new[] { "SELECT 1" } });
        var id = schedule.Str("id");
        await fixture.WaitForRunsAsync(id, r => r.Count >= 1);
        await fixture.PauseAsync(id);
        await Task.Delay(1500);
        var atPause = (await fixture.RunsAsync(id)).Count;
        await Task.Delay(2500);
        Assert.Equal(atPause, (await fixture.RunsAsync(id)).Count);

        var resumed = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"{Root}/{id}/resume");
        Assert.Equal("ACTIVE", resumed.Str("status"));
        await fixture.WaitForRunsAsync(id, r => r.Count >= atPause + 2);
        await fixture.PauseAsync(id);
    }

    [Fact]
    public async Task AScheduleFromAWorksheet_RunsItsStatementsAsQueries()
    {
        var sql = $"/api/v1/domains/{SchedulesFixture.Domain}/sql";
        var workspaces = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{sql}/workspaces");
        var list = workspaces.ValueKind == System.Text.Json.JsonValueKind.Array ? workspaces : workspaces.GetProperty("items");
        var workspaceId = list.GetArrayLength() > 0
            ? list[0].Str("id")
            : (await fixture.Admin.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, $"{sql}/workspaces", new { name = SchedulesFixture.Unique("w") })).Str("id");
        var worksheet = await fixture.Admin.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, $"{sql}/worksheets", new
        {
            workspaceId,
            name = SchedulesFixture.Unique("ws"),
            content = "SELECT 1; -- first; still a comment\nSELECT 'a;b' AS x;\n\nSELECT 3",
        });
        var schedule = await fixture.CreateAsync(new { cron = "0 0 1 1 *", paused = true, worksheetId = worksheet.Str("id") });
        Assert.Equal(3, schedule.GetProperty("queries").GetArrayLength());
        Assert.Equal("SELECT 'a;b' AS x", schedule.GetProperty("queries")[1].GetString());
    }
}
