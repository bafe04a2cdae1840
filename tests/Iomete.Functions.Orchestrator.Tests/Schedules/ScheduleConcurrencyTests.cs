using System.Net;
using Iomete.Testing;
using Iomete.Workflows.Runs;
using Iomete.Workflows.Schedules;
using Microsoft.DurableTask.Client;

namespace Iomete.Functions.Orchestrator.Tests.Schedules;

/// <summary>Concurrency (FORBID, REPLACE), catch-up (SKIP, RUN_ALL) and LATE runs, with a query that outlives the next fire.</summary>
public sealed class ScheduleConcurrencyTests(SchedulesFixture fixture) : IClassFixture<SchedulesFixture>
{
    private const string Root = SchedulesFixture.Root;

    private async Task CancelAsync(string runId) =>
        await fixture.Service<DurableTaskClient>().RaiseEventAsync(runId, WorkflowEvents.Cancel, "test over");

    [Fact]
    public async Task Forbid_SkipsFiresWhileARunIsActive_AndSaysSoInTheLog_AndCancelStopsTheQuery()
    {
        var schedule = await fixture.CreateAsync(new { cron = "* * * * * *", concurrency = "FORBID", queries = new[] { SchedulesFixture.LongQuery, "SELECT 1" } });
        var id = schedule.Str("id");
        var runs = await fixture.WaitForRunsAsync(id, r => r.Any(x => x.Str("state") == "RUNNING"));
        await Task.Delay(3000);
        runs = await fixture.RunsAsync(id);
        await fixture.PauseAsync(id);
        Assert.Single(runs);
        var events = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{Root}/{id}/events");
        Assert.Contains(events.EnumerateArray(), e => e.Str("message").Contains("concurrency FORBID", StringComparison.Ordinal));

        await CancelAsync(runs[0].Str("id"));
        var ended = await fixture.WaitForRunsAsync(id, r => r.All(SchedulesFixture.Ended));
        Assert.Equal("CANCELLED", ended[0].Str("state"));
        var tasks = await fixture.TasksAsync(runs[0].Str("id"));
        Assert.Equal([WorkflowRunState.Cancelled, WorkflowRunState.Cancelled], tasks.Select(t => t.State));
        Assert.NotNull(tasks[0].ExternalId);
        var query = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{SchedulesFixture.Queries}/{tasks[0].ExternalId}");
        Assert.Contains(query.Str("status"), new[] { "CANCELLED", "CANCELLING" });
    }

    [Fact]
    public async Task Replace_CancelsTheActiveRun_WhenTheNextFireComes()
    {
        var schedule = await fixture.CreateAsync(new { cron = "*/3 * * * * *", concurrency = "REPLACE", queries = new[] { SchedulesFixture.LongQuery } });
        var id = schedule.Str("id");
        var runs = await fixture.WaitForRunsAsync(id, r => r.Count >= 2 && r.Any(x => x.Str("state") == "CANCELLED"), 20);
        await fixture.PauseAsync(id);
        var oldest = runs.OrderBy(r => r.GetProperty("scheduledFor").GetDateTimeOffset()).First();
        Assert.Equal("CANCELLED", oldest.Str("state"));
        Assert.Contains("REPLACE", oldest.Str("stateMessage"), StringComparison.Ordinal);
        foreach (var run in await fixture.RunsAsync(id))
        {
            await CancelAsync(run.Str("id"));
        }
        await fixture.WaitForRunsAsync(id, r => r.All(SchedulesFixture.Ended));
    }

    /// <summary>Simulates the platform being down: the schedule's orchestration restarts from a last fire 20 s ago.</summary>
    private async Task<(string Id, DateTimeOffset RestartedAt)> DownFor20SecondsAsync(string catchUp)
    {
        var schedule = await fixture.CreateAsync(new { cron = "*/5 * * * * *", paused = true, catchUp, lateAfterSeconds = 2, queries = new[] { "SELECT 1" } });
        var store = fixture.Service<ScheduleStore>();
        var paused = (await store.GetAsync(schedule.Str("id"), CancellationToken.None))!;
        var active = await store.UpdateAsync(paused with { Paused = false }, paused.Version, CancellationToken.None);
        var restartedAt = DateTimeOffset.UtcNow;
        await fixture.Service<ScheduleRuntime>().EnsureAsync(active, restartedAt.AddSeconds(-20), CancellationToken.None);
        return (active.Id, restartedAt);
    }

    [Fact]
    public async Task CatchUpRunAll_RunsEveryMissedFire_MarkedLate()
    {
        var (id, restartedAt) = await DownFor20SecondsAsync("RUN_ALL");
        var runs = await fixture.WaitForRunsAsync(id, r => r.Count >= 4 && r.Take(4).All(SchedulesFixture.Ended));
        await fixture.PauseAsync(id);
        // Fires more than the 2 s threshold before the restart were missed; they ran, each marked LATE first.
        var missed = runs.Where(r => r.GetProperty("scheduledFor").GetDateTimeOffset() < restartedAt.AddSeconds(-3)).ToList();
        Assert.True(missed.Count >= 3, $"{missed.Count} missed runs");
        var runStore = fixture.Service<WorkflowRunStore>();
        foreach (var run in missed)
        {
            var events = await fixture.Service<RunJournal>().EventsAsync(run.Str("id"), 0, 100, [RunEventKind.State], CancellationToken.None);
            Assert.Contains(events, e => e.State == WorkflowRunState.Late);
            Assert.Equal(WorkflowRunState.Completed, (await runStore.GetAsync(run.Str("id"), CancellationToken.None))!.State);
        }
    }

    [Fact]
    public async Task CatchUpSkip_SkipsTheMissedFires_AndLogsThem_ThenFiresOnTime()
    {
        var (id, _) = await DownFor20SecondsAsync("SKIP");
        var runs = await fixture.WaitForRunsAsync(id, r => r.Count >= 1, 15);
        await fixture.PauseAsync(id);
        Assert.All(runs, r => Assert.True(r.GetProperty("scheduledFor").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddSeconds(-12)));
        var events = await fixture.Admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{Root}/{id}/events");
        Assert.Contains(events.EnumerateArray(), e => e.Str("message").Contains("missed fire(s)", StringComparison.Ordinal));
    }
}
