using System.Diagnostics;
using System.Net;
using System.Text.Json;

namespace Iomete.Functions.Health.Tests.Outage;

/// <summary>
/// The platform on a real PostgreSQL that the test stops and starts: the outage shows within one probe interval, is
/// published and posted to a webhook, the recovery too, and the history outlives a restart of the platform.
/// </summary>
[NeedsServices(TestService.Postgres)]
public sealed class MetadataDbOutageTests
{
    private const string AppToken = "health-test-app-token";

    [ServiceFact]
    public async Task StoppingPostgres_ShowsMetadataDbOutageWithinTenSeconds_AndRecovery_AndHistorySurvivesARestart()
    {
        await using var postgres = await StoppablePostgres.StartAsync();
        await using var webhook = await StubServer.StartAsync((context, _) =>
        {
            context.Response.StatusCode = 204;
            return Task.CompletedTask;
        });
        var settings = postgres.Settings(PostgresServer.NewDatabasePrefix());
        settings["Iomete:Internal:AppApiToken"] = AppToken;
        settings["Iomete:Health:Notifications:MinimumInterval"] = "00:00:00";
        // The cron binding's schedule as a cluster's binding component would set it: 10 s stays the default (ScheduleTests).
        settings["Iomete:Cron:health-check"] = "@every 2s";

        DateTimeOffset outageSince;
        await using (var platform = await LocalPlatform.StartAsync(settings, RecordingEventBus.Install))
        {
            using (var admin = await platform.LoginAsync())
            {
                await admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Put, "/api/v1/admin/health-check/notifications",
                    new { webhooks = new[] { new Uri(webhook.Address, "/health").ToString() } });
                var before = await admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, "/api/v1/health-check/refresh");
                Assert.Equal("OPERATIONAL", Component(before, "metadata-db").Str("status"));
            }
            // Users' tokens are resolved in the identity database, which is down too: the platform's own token reads the health.
            using var system = platform.Anonymous();
            system.DefaultRequestHeaders.Add("dapr-api-token", AppToken);

            await postgres.StopAsync();
            var watch = Stopwatch.StartNew();
            var outage = await PollAsync(system, "metadata-db", "OUTAGE", TimeSpan.FromSeconds(10));
            Assert.True(watch.Elapsed <= TimeSpan.FromSeconds(10), $"OUTAGE after {watch.Elapsed}");
            Assert.Contains("service databases do not answer", outage.Str("message"), StringComparison.Ordinal);
            outageSince = outage.GetProperty("since").GetDateTimeOffset();

            var events = RecordingEventBus.Of(platform).Health;
            Assert.Contains(events, e => e is { Component: "metadata-db", PreviousStatus: "OPERATIONAL", Status: "OUTAGE" });
            var posted = await WaitForAsync(() => webhook.Requests.Select(r => r.Body)
                .FirstOrDefault(b => b.Contains("\"component\":\"metadata-db\"", StringComparison.Ordinal) && b.Contains("\"status\":\"OUTAGE\"", StringComparison.Ordinal)));
            Assert.Contains("\"previousStatus\":\"OPERATIONAL\"", posted, StringComparison.Ordinal);

            await postgres.StartAgainAsync();
            var recovered = await PollAsync(system, "metadata-db", "OPERATIONAL", TimeSpan.FromSeconds(15));
            Assert.Null(recovered.TryGetProperty("message", out var m) ? m.GetString() : null);
            Assert.Contains(events, e => e is { Component: "metadata-db", PreviousStatus: "OUTAGE", Status: "OPERATIONAL" });
            // Samples taken during the outage were kept in memory and written once the database was back.
            var bar = recovered.GetProperty("bars")[47];
            Assert.True(bar.GetProperty("failures").GetInt32() >= 1, bar.ToString());
            await WaitForWrittenAsync(system);
        }

        // Migrations open plain NpgsqlConnections: Npgsql's process-wide pool still holds the ones the stop broke, which a
        // new process would not have.
        Npgsql.NpgsqlConnection.ClearAllPools();
        await using (var restarted = await LocalPlatform.StartAsync(settings))
        {
            using var system = restarted.Anonymous();
            system.DefaultRequestHeaders.Add("dapr-api-token", AppToken);
            var view = await system.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/api/v1/health-check/metadata-db?metric=P100");
            var bar = view.GetProperty("bars")[47];
            Assert.True(bar.GetProperty("failures").GetInt32() >= 1, bar.ToString());
            Assert.True(bar.GetProperty("samples").GetInt32() >= 3, bar.ToString());
            Assert.Equal("OUTAGE", bar.Str("status"));
            Assert.True(view.GetProperty("uptime").GetDouble() < 100.0);
            Assert.Equal("OPERATIONAL", view.Str("status"));
            Assert.True(view.GetProperty("since").GetDateTimeOffset() > outageSince);
        }
    }

    private static JsonElement Component(JsonElement view, string name) =>
        view.GetProperty("components").EnumerateArray().Single(c => c.Str("name") == name);

    private static async Task<JsonElement> PollAsync(HttpClient client, string component, string status, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        JsonElement last = default;
        while (deadline.Elapsed < timeout)
        {
            last = await client.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"/api/v1/health-check/{component}?metric=P100");
            if (last.Str("status") == status)
            {
                return last;
            }
            await Task.Delay(250);
        }
        throw new TimeoutException($"{component} was not {status} within {timeout}: {last}");
    }

    /// <summary>Waits for a round to have written the history after the recovery (its samples then outlive the process).</summary>
    private static async Task WaitForWrittenAsync(HttpClient system)
    {
        for (var i = 0; i < 40; i++)
        {
            var round = await system.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, "/internal/v1/health/probe");
            if (round.TryGetProperty("round", out var r) && r.GetProperty("historyWritten").GetBoolean())
            {
                return;
            }
            await Task.Delay(250);
        }
        throw new TimeoutException("No round wrote the history after the recovery.");
    }

    private static async Task<string> WaitForAsync(Func<string?> read)
    {
        for (var i = 0; i < 100; i++)
        {
            if (read() is { } value)
            {
                return value;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException("Nothing arrived within 10 s.");
    }
}
