using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;

namespace Iomete.Bench;

/// <summary>
/// The whole hand-off through the platform: <c>POST /api/v2/domains/{domain}/spark/jobs/{id}/runs</c> (authentication,
/// run-permission check, job read, node types from the core service, run record, event, SparkApplication JSON, submit
/// queue) until the API server stand-in receives the create request.
/// </summary>
internal static class HandoffApi
{
    private const string Domain = "default";

    /// <summary>Latency of each submission (call start → create received), open loop at <paramref name="ratePerSecond"/>, and a burst's rate.</summary>
    public static async Task<(double P50, double P99, double ResponseP99, double BurstPerMinute)> RunAsync(
        string apiServer, Func<string, long?> arrival, int submissions, int ratePerSecond)
    {
        await using var platform = await BenchPlatform.StartAsync(new Dictionary<string, string?>
        {
            ["Iomete:Kubernetes:ApiServer"] = apiServer,
            ["Iomete:Kubernetes:SubmitParallelism"] = "8",
            ["Iomete:Clusters:Namespaces:0"] = "spark",
        });
        using var client = platform.Client();
        var jobId = await CreateJobAsync(client);
        var path = $"/api/v2/domains/{Domain}/spark/jobs/{jobId}/runs";

        for (var i = 0; i < 50; i++)
        {
            await SubmitAsync(client, path);
        }

        var latencies = new ConcurrentBag<double>();
        var responses = new ConcurrentBag<double>();
        var tasks = new List<Task>(submissions);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < submissions; i++)
        {
            var due = TimeSpan.FromSeconds(i / (double)ratePerSecond);
            if (due > clock.Elapsed)
            {
                await Task.Delay(due - clock.Elapsed);
            }
            tasks.Add(Task.Run(async () =>
            {
                var started = Stopwatch.GetTimestamp();
                var runId = await SubmitAsync(client, path);
                responses.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                var arrived = arrival("run-" + runId) ?? throw new InvalidOperationException($"run {runId} was answered but its SparkApplication never arrived");
                latencies.Add(Stopwatch.GetElapsedTime(started, arrived).TotalMilliseconds);
            }));
        }
        await Task.WhenAll(tasks);

        var burst = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, submissions).Select(_ => SubmitAsync(client, path)));
        var perMinute = submissions / burst.Elapsed.TotalMinutes;

        var sorted = latencies.Order().ToArray();
        var sortedResponses = responses.Order().ToArray();
        return (Percentile(sorted, 0.5), Percentile(sorted, 0.99), Percentile(sortedResponses, 0.99), perMinute);
    }

    private static double Percentile(double[] sorted, double p) => sorted[Math.Max(0, (int)Math.Ceiling(sorted.Length * p) - 1)];

    private static async Task<string> CreateJobAsync(HttpClient client)
    {
        var user = await client.GetFromJsonAsync<JsonElement>("/api/v2/user");
        using var bundle = await client.PostAsJsonAsync("/api/v1/bundles",
            new { name = "bench-jobs", domain = Domain, owner = new { id = user.GetProperty("id").GetString(), type = "USER" } });
        bundle.EnsureSuccessStatusCode();
        var bundleId = (await bundle.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        using var job = await client.PostAsJsonAsync($"/api/v2/domains/{Domain}/spark/jobs", new
        {
            name = "bench-etl",
            bundleId,
            @namespace = "spark",
            concurrency = "ALLOW",
            template = new
            {
                applicationType = "python",
                mainApplicationFile = "s3a://jobs/etl/main.py",
                sparkConf = new Dictionary<string, string> { ["spark.sql.shuffle.partitions"] = "64" },
            },
        });
        if (!job.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"creating the bench job failed: {(int)job.StatusCode} {await job.Content.ReadAsStringAsync()}");
        }
        return (await job.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }

    private static async Task<string> SubmitAsync(HttpClient client, string path)
    {
        using var response = await client.PostAsJsonAsync(path, new { });
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"run submission failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }
}
