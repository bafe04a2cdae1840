using System.Diagnostics;

namespace Iomete.Bench;

/// <summary>Closed-loop load: N workers send GETs back to back for a fixed time; latencies recorded.</summary>
internal static class LoadGenerator
{
    public sealed record Result(long Requests, double Seconds, double P50Ms, double P99Ms)
    {
        public double Throughput => Requests / Seconds;
    }

    public static Task<Result> RunAsync(Uri url, int concurrency, TimeSpan duration) =>
        RunAsync(_ => new HttpRequestMessage(HttpMethod.Get, url), concurrency, duration);

    /// <summary>Closed loop over requests made by <paramref name="request"/> (given the worker index); every response must succeed.</summary>
    public static async Task<Result> RunAsync(Func<int, HttpRequestMessage> request, int concurrency, TimeSpan duration)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = concurrency, PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        using var client = new HttpClient(handler);
        // Warm the connections and the JIT outside the measured window.
        for (var i = 0; i < 200; i++)
        {
            using var warmRequest = request(i % concurrency);
            using var warm = await client.SendAsync(warmRequest);
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
                using var message = request(w);
                using var response = await client.SendAsync(message);
                await response.Content.LoadIntoBufferAsync();
                response.EnsureSuccessStatusCode();
                mine.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            }
        }).ToList();
        await Task.WhenAll(workers);
        var elapsed = stopwatch.Elapsed.TotalSeconds;
        var all = latencies.SelectMany(l => l).OrderBy(x => x).ToArray();
        return new Result(all.Length, elapsed, Percentile(all, 0.50), Percentile(all, 0.99));
    }

    /// <summary>Open loop: one request every 1/<paramref name="ratePerSecond"/> s regardless of responses, so queueing shows in the latencies.</summary>
    public static async Task<Result> FixedRateAsync(Func<HttpRequestMessage> request, int ratePerSecond, TimeSpan duration)
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 256, PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
        using var client = new HttpClient(handler);
        var total = (int)(ratePerSecond * duration.TotalSeconds);
        var latencies = new double[total];
        var pending = new List<Task>(total);
        var stopwatch = Stopwatch.StartNew();
        for (var i = 0; i < total; i++)
        {
            var due = TimeSpan.FromSeconds((double)i / ratePerSecond);
            var wait = due - stopwatch.Elapsed;
            if (wait > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(wait);
            }
            var index = i;
            pending.Add(Task.Run(async () =>
            {
                var start = Stopwatch.GetTimestamp();
                using var message = request();
                using var response = await client.SendAsync(message);
                await response.Content.LoadIntoBufferAsync();
                response.EnsureSuccessStatusCode();
                latencies[index] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            }));
        }
        await Task.WhenAll(pending);
        var elapsed = stopwatch.Elapsed.TotalSeconds;
        var sorted = latencies.OrderBy(x => x).ToArray();
        return new Result(total, elapsed, Percentile(sorted, 0.50), Percentile(sorted, 0.99));
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
