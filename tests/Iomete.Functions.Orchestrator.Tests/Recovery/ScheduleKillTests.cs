using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Iomete.Testing;

namespace Iomete.Functions.Orchestrator.Tests.Recovery;

/// <summary>
/// The local host as its own process on the durable backend (<c>sqlite</c>), killed with SIGKILL while a schedule fires every
/// second (runs in flight, timers pending) and restarted on the same data directory: the schedule keeps firing, no fire time
/// has two runs, and every run recorded before the kill ends (COMPLETED, or FAILED as interrupted when its query was in flight).
/// </summary>
public sealed class ScheduleKillTests : IDisposable
{
    private const string Password = "Kill-Password-1!";
    private const string Root = "/api/v1/domains/default/schedules";
    private static readonly Dictionary<string, string?> Durable = new() { ["Iomete:Workflows:Backend"] = "sqlite" };
    private readonly string dataDir = Directory.CreateTempSubdirectory("iomete-schedule-kill-").FullName;

    [Fact]
    public async Task ASchedule_KilledMidRunAndMidTimer_KeepsFiring_WithOneRunPerFireTime()
    {
        var port = TestProcess.FreePort();
        string id;
        string db;
        var host = await HostProcess.StartAsync(dataDir, port, Password, Durable);
        try
        {
            using var admin = await LoginAsync(port);
            db = "kill_" + Guid.NewGuid().ToString("N")[..8];
            await SqlAsync(admin, $"CREATE DATABASE {db}", null);
            await SqlAsync(admin, "CREATE TABLE hits (n INT)", db);
            var me = await admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/api/v2/user");
            var bundle = await admin.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/bundles",
                new { name = "kill-" + Guid.NewGuid().ToString("N")[..6], domain = "default", owner = new { id = me.Str("id"), type = "USER" } });
            var schedule = await admin.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, Root, new
            {
                name = "every-second",
                resourceBundleId = bundle.Str("id"),
                cron = "* * * * * *",
                catchUp = "RUN_ALL",
                queries = new[] { "INSERT INTO hits VALUES (1)", "SELECT count(*) FROM range(50000000)" },
                catalog = "spark_catalog",
                database = db,
            });
            id = schedule.Str("id");
            await WaitAsync(admin, id, runs => runs.Count(r => r.Str("state") == "COMPLETED") >= 3);
        }
        finally
        {
            host.Kill(); // mid-run and mid-timer: a fire every second, each run some hundred milliseconds long
        }
        await using (host)
        {
        }

        var killedAt = DateTimeOffset.UtcNow;
        await Task.Delay(3000);
        await using (var restarted = await HostProcess.StartAsync(dataDir, port, Password, Durable))
        {
            using var admin = await LoginAsync(port);
            await WaitAsync(admin, id, runs => runs.Count(r => r.Str("state") == "COMPLETED" && r.GetProperty("scheduledFor").GetDateTimeOffset() > killedAt.AddSeconds(3)) >= 3, 90);
            await admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"{Root}/{id}/pause");
            var runs = await WaitAsync(admin, id, runs => runs.All(r => r.Str("state") is "COMPLETED" or "FAILED" or "CANCELLED"), 90);

            var fireTimes = runs.Select(r => r.GetProperty("scheduledFor").GetDateTimeOffset()).ToList();
            Assert.Equal(fireTimes.Count, fireTimes.Distinct().Count());
            // A run whose query was in flight at the kill ends FAILED, saying the restart interrupted it (a scheduled statement is
            // not re-run behind the user's back: it may have committed); every other run completes.
            Assert.All(runs, r =>
            {
                if (r.Str("state") == "COMPLETED")
                {
                    return;
                }
                Assert.Equal("FAILED", r.Str("state"));
                Assert.True(r.GetProperty("scheduledFor").GetDateTimeOffset() <= killedAt, r.GetRawText());
                Assert.Contains("interrupted", r.Str("stateMessage"), StringComparison.OrdinalIgnoreCase);
            });
            Assert.True(runs.Count(r => r.Str("state") == "FAILED") <= 2, string.Join(", ", runs.Select(r => r.GetRawText())));
            // RUN_ALL: the fires of the 3 s the host was down were made up (LATE first), none skipped.
            Assert.Contains(fireTimes, f => f > killedAt && f < killedAt.AddSeconds(3));
            var count = await SqlAsync(admin, "SELECT count(*) FROM hits", db);
            var rows = await admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/api/v1/domains/default/sql/queries/{count.Str("id")}/results");
            // Every completed run inserted its row (an interrupted one may not have).
            Assert.True(rows.GetProperty("rows")[0][0].GetInt64() >= runs.Count(r => r.Str("state") == "COMPLETED"), restarted.Output);
        }
    }

    private static async Task<HttpClient> LoginAsync(int port)
    {
        var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(60) };
        using var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { username = "admin", password = Password });
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", body.RootElement.GetProperty("accessToken").GetString());
        return client;
    }

    private static async Task<JsonElement> SqlAsync(HttpClient admin, string sql, string? db)
    {
        var done = await admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, "/api/v1/domains/default/sql/queries?wait=30",
            new { query = sql, computeCluster = "local", catalog = "spark_catalog", database = db });
        Assert.True(done.Str("status") == "COMPLETED", done.GetRawText());
        return done;
    }

    private static async Task<List<JsonElement>> WaitAsync(HttpClient admin, string id, Func<List<JsonElement>, bool> done, int seconds = 60)
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            var page = await admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{Root}/{id}/runs?limit=1000");
            var runs = page.GetProperty("items").EnumerateArray().ToList();
            if (done(runs))
            {
                return runs;
            }
            Assert.True(DateTime.UtcNow < until, $"Timed out; runs: {string.Join(", ", runs.Select(r => r.GetRawText()))}");
            await Task.Delay(250);
        }
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(dataDir, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a dying process: the temp folder is cleaned by the OS.
        }
    }
}
