using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Iomete.Functions.EventStreams.Tests.Streams;
using Iomete.Testing;
using Xunit.Abstractions;

namespace Iomete.Functions.EventStreams.Tests.Ingest;

/// <summary>
/// Exactly once across crashes: concurrent clients send batches with idempotency keys and retry every batch until it is
/// acknowledged, while the host process is killed with SIGKILL at random moments and started again on the same data.
/// The table must end up with every event exactly once.
/// </summary>
public sealed class CrashRecoveryTests(ITestOutputHelper output)
{
    private const string Password = "Crash-Password-1!";
    private const int Clients = 4;
    private const int MinBatchesPerClient = 20;
    private const int EventsPerBatch = 25;
    private const int Kills = 4;

    [Fact]
    public async Task KilledHost_LosesNoAcknowledgedEvent_AndDuplicatesNone()
    {
        var dataDir = Directory.CreateTempSubdirectory("iomete-crash-").FullName;
        var port = TestProcess.FreePort();
        var host = await HostProcess.StartAsync(dataDir, port, Password);
        try
        {
            using var admin = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
            var token = await LoginAsync(admin);
            admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            await SqlAsync(admin, "CREATE DATABASE IF NOT EXISTS crash");
            await SqlAsync(admin, "CREATE TABLE crash.events (id BIGINT NOT NULL, client INTEGER, note VARCHAR)");
            var me = await admin.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, "/api/v2/user");
            var bundle = await admin.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, "/api/v1/bundles",
                new { name = "crash", domain = "default", owner = new { id = me.Str("id"), type = "USER" } });
            var stream = await admin.ExpectAsync(HttpStatusCode.Created, HttpMethod.Post, StreamsFixture.Root,
                new { name = "crash", resourceBundleId = bundle.Str("id"), settings = new { commitIntervalMs = 250, compactionThreshold = 5 } });
            await WaitActiveAsync(admin, stream.Str("id"));

            using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(4));
            var acknowledged = 0;
            var retries = 0;
            var killing = true;
            var clients = Enumerable.Range(0, Clients).Select(c => Task.Run(async () =>
            {
                using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(20) };
                for (var b = 0; Volatile.Read(ref killing) || b < MinBatchesPerClient; b++)
                {
                    var body = Batch(c, b);
                    while (true)
                    {
                        cts.Token.ThrowIfCancellationRequested();
                        try
                        {
                            using var request = new HttpRequestMessage(HttpMethod.Post, "/data-plane/iomete-system/event-stream/crash/ingest")
                            {
                                Content = new StringContent(body, Encoding.UTF8, "application/x-ndjson"),
                            };
                            request.Headers.TryAddWithoutValidation("Authorization", token);
                            request.Headers.Add("table", "spark_catalog.crash.events");
                            request.Headers.Add("Idempotency-Key", $"client-{c}-batch-{b}");
                            using var response = await http.SendAsync(request, cts.Token);
                            if (response.StatusCode == HttpStatusCode.OK)
                            {
                                Interlocked.Increment(ref acknowledged);
                                break;
                            }
                            Assert.True((int)response.StatusCode is 409 or 429 or 503 or 500 or 502,
                                $"unexpected {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                        }
                        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !cts.IsCancellationRequested)
                        {
                        }
                        Interlocked.Increment(ref retries);
                        await Task.Delay(50, cts.Token);
                    }
                }
            })).ToList();

            for (var k = 0; k < Kills; k++)
            {
                await Task.Delay(Random.Shared.Next(200, 1200), cts.Token);
                output.WriteLine($"kill {k + 1} after {Volatile.Read(ref acknowledged)} acknowledged batches");
                host.Kill();
                await host.DisposeAsync();
                host = await HostProcess.StartAsync(dataDir, port, Password);
            }
            Volatile.Write(ref killing, false);
            await Task.WhenAll(clients);
            output.WriteLine($"{acknowledged} batches acknowledged, {retries} retries");
            Assert.True(retries > 0, "no request met a killed host; the kills came too late");

            var expected = (long)acknowledged * EventsPerBatch;
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
            JsonElement row;
            do
            {
                await Task.Delay(300);
                row = (await RowsAsync(admin, "SELECT count(*), count(DISTINCT id), min(id), max(id) FROM crash.events"))[0];
            }
            while (Long(row[0]) < expected && DateTime.UtcNow < deadline);
            Assert.Equal(expected, Long(row[0]));
            Assert.Equal(expected, Long(row[1]));
        }
        finally
        {
            output.WriteLine(host.Output.Length > 4000 ? host.Output[^4000..] : host.Output);
            await host.DisposeAsync();
            Directory.Delete(dataDir, recursive: true);
        }
    }

    private static string Batch(int client, int batch) => string.Join("\n", Enumerable.Range(0, EventsPerBatch)
        .Select(i => $"{{\"id\":{(client * 1_000_000L) + (batch * 1000L) + i},\"client\":{client},\"note\":\"batch {batch}\"}}"));

    private static long Long(JsonElement value) => long.Parse(value.ToString(), CultureInfo.InvariantCulture);

    private static async Task<string> LoginAsync(HttpClient client)
    {
        using var response = await client.PostAsJsonAsync("/api/v1/auth/login", new { username = "admin", password = Password });
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("accessToken").GetString()!;
    }

    private static async Task<JsonElement> SqlAsync(HttpClient client, string sql)
    {
        var query = await client.ExpectAsync(HttpStatusCode.OK, HttpMethod.Post, $"{IngestFixture.QueriesUrl}?wait=30",
            new { query = sql, computeCluster = "local", catalog = "spark_catalog" });
        Assert.True(query.Str("status") == "COMPLETED", query.GetRawText());
        return query;
    }

    private static async Task<List<JsonElement>> RowsAsync(HttpClient client, string sql)
    {
        var query = await SqlAsync(client, sql);
        var page = await client.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{IngestFixture.QueriesUrl}/{query.Str("id")}/results");
        return [.. page.GetProperty("rows").EnumerateArray()];
    }

    private static async Task WaitActiveAsync(HttpClient client, string id)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while ((await client.ExpectAsync(HttpStatusCode.OK, HttpMethod.Get, $"{StreamsFixture.Root}/{id}")).Str("status") != "ACTIVE")
        {
            Assert.True(DateTime.UtcNow < deadline, "the stream did not become ACTIVE");
            await Task.Delay(50);
        }
    }
}
