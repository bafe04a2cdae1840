using System.Diagnostics;

namespace Iomete.Bench;

/// <summary>Closed-loop load: N workers send GETs back to back for a fixed time; latencies recorded.</summary>
internal static class LoadGenerator
{
    public sealed record Result(long Requests, double Seconds, double P50Ms, double P99Ms)
    {
        public double Throughput => Requests / Seconds;
    }

    public static async Task<Result> RunAsync(Uri url, int concurrency, TimeSpan duration)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = concurrency, PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        using var client = new HttpClient(handler);
        // Warm the connections and the JIT outside the measured window.
        for (var i = 0; i < 200; i++)
        {
            using var warm = await client.GetAsync(url);
            warm.EnsureSuccessStatusCode();
        }
        var latencies = new List<double>[concurrency];
        var stopwatch = Stopwatch.StartNew();
        var deadline = duration;
        var workers = Enumerable.Range(0, concurrency).Select(async w =>
        {
            var mine = latencies[w] = new List<double>(100_000);
            while (stopwatch.Elapsed < deadline)
            {
                var start = Stopwatch.GetTimestamp();
                using var response = await client.GetAsync(url);
                await response.Content.LoadIntoBufferAsync();
                mine.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
        }).ToList();
        await Task.WhenAll(workers);
        var elapsed = stopwatch.Elapsed.TotalSeconds;
        var all = latencies.SelectMany(l => l).OrderBy(x => x).ToArray();
        return new Result(all.Length, elapsed, Percentile(all, 0.50), Percentile(all, 0.99));
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
