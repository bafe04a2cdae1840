using System.Diagnostics;
using System.Net;

namespace Iomete.Functions.Health.Tests.Outage;

/// <summary>
/// Health and push together: an admin's open Server-Sent Events stream receives the metadata-DB outage within 10 s of
/// PostgreSQL stopping, although the push log lives in that database (the event arrives without an id, and is logged
/// once the database is back).
/// </summary>
[NeedsServices(TestService.Postgres)]
public sealed class OutagePushTests
{
    [ServiceFact]
    public async Task StoppingPostgres_PushesTheOutageToAConnectedAdmin_WithinTenSeconds()
    {
        await using var postgres = await StoppablePostgres.StartAsync();
        var settings = postgres.Settings(PostgresServer.NewDatabasePrefix());
        settings["Iomete:Internal:AppApiToken"] = "outage-push-app-token";
        settings["Iomete:Cron:health-check"] = "@every 2s";

        await using var platform = await LocalPlatform.StartAsync(settings);
        using var admin = await platform.LoginAsync();
        admin.Timeout = Timeout.InfiniteTimeSpan;
        var before = await admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, "/api/v1/health-check/refresh");
        Assert.Contains(before.GetProperty("components").EnumerateArray(), c => c.Str("name") == "metadata-db" && c.Str("status") == "OPERATIONAL");

        using var stream = await admin.GetAsync("/api/v1/push/events?topics=health", HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, stream.StatusCode);
        using var reader = new StreamReader(await stream.Content.ReadAsStreamAsync());
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await ReadUntilAsync(reader, line => line == "event: ready", timeout.Token);

        await postgres.StopAsync();
        var watch = Stopwatch.StartNew();
        string? data = null;
        await ReadUntilAsync(reader, line =>
        {
            if (line.StartsWith("data: ", StringComparison.Ordinal) && line.Contains("\"component\":\"metadata-db\"", StringComparison.Ordinal)
                && line.Contains("\"status\":\"OUTAGE\"", StringComparison.Ordinal))
            {
                data = line;
                return true;
            }
            return false;
        }, timeout.Token);
        watch.Stop();

        Assert.True(watch.Elapsed <= TimeSpan.FromSeconds(10), $"pushed after {watch.Elapsed}");
        Assert.Contains("\"previousStatus\":\"OPERATIONAL\"", data, StringComparison.Ordinal);
        await postgres.StartAgainAsync();
        Npgsql.NpgsqlConnection.ClearAllPools();
    }

    private static async Task ReadUntilAsync(StreamReader reader, Func<string, bool> found, CancellationToken ct)
    {
        while (await reader.ReadLineAsync(ct) is { } line)
        {
            if (found(line))
            {
                return;
            }
        }
        throw new EndOfStreamException("The push stream ended.");
    }
}
