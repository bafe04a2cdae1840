using System.Diagnostics;
using System.Globalization;
using System.Text;
using Iomete.DataSecurity.Engine;

namespace Iomete.Bench;

/// <summary>
/// Issue 8's policy-engine benchmark: 10,000 generated policies, 1,000 users in 50 groups, decisions (80% access,
/// 10% mask, 10% row filter) from two threads for N seconds each, side by side: a naive linear scan (the same engine
/// without its resource index — the baseline), the indexed engine, and the indexed engine behind the decision cache.
/// </summary>
internal static class PolicyBenchmark
{
    private const int Threads = 2;
    private const int RequestPool = 20_000;

    public static string Run(BenchOptions options)
    {
        var workload = new PolicyWorkload(seed: 8, RequestPool);
        var seconds = TimeSpan.FromSeconds(options.Seconds);
        var build = Stopwatch.StartNew();
        var indexed = new PolicyEngine(IometeServiceDef.Resource, workload.Snapshot, IometeServiceDef.Tag);
        var buildMs = build.Elapsed.TotalMilliseconds;
        var naive = new PolicyEngine(IometeServiceDef.Resource, workload.Snapshot, IometeServiceDef.Tag, indexed: false);
        var results = new List<Result>
        {
            Measure("naive linear scan (baseline)", naive, workload, seconds),
            Measure("indexed engine", indexed, workload, seconds),
            Measure("indexed engine + CachingPolicyEvaluator", new CachingPolicyEvaluator(indexed), workload, seconds),
        };
        return Report(results, options.Seconds, buildMs);
    }

    private static Result Measure(string name, IPolicyEvaluator evaluator, PolicyWorkload workload, TimeSpan duration)
    {
        // Warm up JIT (and, for the cache, a first pass over part of the pool).
        Drive(evaluator, workload.Requests, 0, TimeSpan.FromSeconds(1), sample: null);
        var samples = new List<double>[Threads];
        var counts = new long[Threads];
        var clock = Stopwatch.StartNew();
        Parallel.For(0, Threads, new ParallelOptions { MaxDegreeOfParallelism = Threads }, t =>
        {
            samples[t] = [];
            counts[t] = Drive(evaluator, workload.Requests, t * 7919, duration, samples[t]);
        });
        var elapsed = clock.Elapsed.TotalSeconds;
        var all = samples.SelectMany(s => s).Order().ToList();
        return new Result(name, counts.Sum() / elapsed, Percentile(all, 0.50), Percentile(all, 0.99), all.Count);
    }

    private static long Drive(IPolicyEvaluator evaluator, PolicyRequest[] requests, int offset, TimeSpan duration, List<double>? sample)
    {
        var end = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        long done = 0;
        var i = offset;
        while (Stopwatch.GetTimestamp() < end)
        {
            for (var k = 0; k < 64; k++, i++, done++)
            {
                var request = requests[i % requests.Length];
                var start = Stopwatch.GetTimestamp();
                switch (i % 10)
                {
                    case 0:
                        evaluator.Mask(request with { AccessType = "select" });
                        break;
                    case 1:
                        evaluator.RowFilter(request with { AccessType = "select" });
                        break;
                    default:
                        evaluator.Access(request);
                        break;
                }
                if (sample is not null && (done & 7) == 0)
                {
                    sample.Add(Stopwatch.GetElapsedTime(start).TotalMicroseconds);
                }
            }
        }
        return done;
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)(p * sorted.Count))];

    private static string Report(List<Result> results, int seconds, double buildMs)
    {
        var baseline = results[0].PerSecond;
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"## Policy engine: {PolicyWorkload.PolicyCount:N0} policies, {PolicyWorkload.UserCount:N0} users in {PolicyWorkload.GroupCount} groups ({seconds} s each, {Threads} threads, {Environment.ProcessorCount} cores)");
        text.AppendLine();
        text.AppendLine("| Evaluator | Decisions/s | vs linear scan | p50 per decision | p99 | Samples |");
        text.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: |");
        foreach (var r in results)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {r.Name} | {r.PerSecond:N0} | {r.PerSecond / baseline:F1}x | {r.P50Us:F1} µs | {r.P99Us:F1} µs | {r.Samples:N0} |");
        }
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"Decisions: 80% access, 10% mask, 10% row filter over a pool of {RequestPool:N0} distinct requests (random user, database, table, column, access type). " +
            $"Policies: 70% exact and 10% wildcard-prefixed access policies (a tenth of them deny-only), 10% masks, 10% row filters. " +
            $"Compiling and indexing the snapshot took {buildMs:F0} ms. Latency sampled on every 8th decision.");
        return text.ToString();
    }

    private sealed record Result(string Name, double PerSecond, double P50Us, double P99Us, int Samples);
}
