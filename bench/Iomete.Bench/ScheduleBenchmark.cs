using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Iomete.Bench;

/// <summary>
/// Cron fire → run started latency: many SQL schedules firing every second (6-field cron) on the embedded platform; latency
/// is a run's startedAt (RUNNING) minus its fire time. Baseline: the same number of in-process loops that Task.Delay to the
/// next whole second and measure how late they wake (the floor any timer-driven scheduler on this machine pays).
/// </summary>
internal static class ScheduleBenchmark
{
    private const string Root = "/api/v1/domains/default/schedules";

    public static async Task<string> RunAsync(BenchOptions options)
    {
        var schedules = Math.Max(1, options.Concurrency);
        var seconds = Math.Max(5, options.Seconds);
        var baseline = await BaselineAsync(schedules, seconds);

        await using var platform = await BenchPlatform.StartAsync();
        using var client = platform.Client();
        var me = await client.GetFromJsonAsync<JsonElement>("/api/v2/user");
        using var bundleResponse = await client.PostAsJsonAsync("/api/v1/bundles",
            new { name = "bench-schedules", domain = "default", owner = new { id = me.GetProperty("id").GetString(), type = "USER" } });
        var bundle = (await bundleResponse.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString();
        var ids = new List<string>();
        for (var i = 0; i < schedules; i++)
        {
            using var created = await client.PostAsJsonAsync(Root,
                new { name = $"bench-{i}", resourceBundleId = bundle, cron = "* * * * * *", queries = new[] { "SELECT 1" } });
            created.EnsureSuccessStatusCode();
            ids.Add((await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!);
        }
        await Task.Delay(TimeSpan.FromSeconds(seconds));
        foreach (var id in ids)
        {
            using var paused = await client.PostAsync(new Uri($"{Root}/{id}/pause", UriKind.Relative), null);
        }
        await Task.Delay(TimeSpan.FromSeconds(3));

        var latencies = new List<double>();
        var runs = 0;
        var notStarted = 0;
        var duplicates = 0;
        foreach (var id in ids)
        {
            var page = await client.GetFromJsonAsync<JsonElement>($"{Root}/{id}/runs?limit=1000");
            var fireTimes = new HashSet<DateTimeOffset>();
            foreach (var run in page.GetProperty("items").EnumerateArray())
            {
                runs++;
                var fire = run.GetProperty("scheduledFor").GetDateTimeOffset();
                duplicates += fireTimes.Add(fire) ? 0 : 1;
                if (run.TryGetProperty("startedAt", out var started) && started.ValueKind == JsonValueKind.String)
                {
                    latencies.Add((started.GetDateTimeOffset() - fire).TotalMilliseconds);
                }
                else
                {
                    notStarted++;
                }
            }
        }
        latencies.Sort();
        var p50 = Percentile(latencies, 0.5);
        var p99 = Percentile(latencies, 0.99);
        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"### Schedules: cron fire → run started ({schedules} schedules firing every second for {seconds} s, {Environment.ProcessorCount} cores)");
        report.AppendLine();
        report.AppendLine("| | runs | p50 | p99 | max |");
        report.AppendLine("|---|---|---|---|---|");
        report.AppendLine(CultureInfo.InvariantCulture, $"| baseline: Task.Delay to the next second, {schedules} loops | {baseline.Count} | {Percentile(baseline, 0.5):N1} ms | {Percentile(baseline, 0.99):N1} ms | {baseline[^1]:N1} ms |");
        report.AppendLine(CultureInfo.InvariantCulture, $"| platform: durable timer → run RUNNING | {latencies.Count} | {p50:N1} ms | **{p99:N1} ms** | {(latencies.Count > 0 ? latencies[^1] : double.NaN):N1} ms |");
        report.AppendLine(CultureInfo.InvariantCulture, $"| ratio platform / baseline | | {p50 / Math.Max(0.1, Percentile(baseline, 0.5)):N1}× | {p99 / Math.Max(0.1, Percentile(baseline, 0.99)):N1}× | |");
        report.AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture, $"Goal p99 ≤ 1,000 ms: {(p99 <= 1000 ? "met" : "**not met**")}. Runs: {runs}, not started when read: {notStarted}, fire times with two runs: {duplicates}.");
        return report.ToString();
    }

    private static async Task<List<double>> BaselineAsync(int loops, int seconds)
    {
        var results = new List<double>();
        var until = DateTimeOffset.UtcNow.AddSeconds(seconds);
        var tasks = Enumerable.Range(0, loops).Select(async _ =>
        {
            var mine = new List<double>();
            while (DateTimeOffset.UtcNow < until)
            {
                var now = DateTimeOffset.UtcNow;
                var next = new DateTimeOffset(now.UtcTicks - now.UtcTicks % TimeSpan.TicksPerSecond, TimeSpan.Zero).AddSeconds(1);
                await Task.Delay(next - now);
                mine.Add((DateTimeOffset.UtcNow - next).TotalMilliseconds);
            }
            return mine;
        }).ToList();
        foreach (var list in await Task.WhenAll(tasks))
        {
            results.AddRange(list);
        }
        results.Sort();
        return results;
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Max(0, (int)Math.Ceiling(sorted.Count * p) - 1)];
}
