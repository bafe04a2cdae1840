using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Iomete.Bench;

/// <summary>
/// Event-to-queryable latency: a probe event with a unique id every 200 ms while a light background load runs (one
/// 1,000-event batch every 100 ms, ~2 MB/s), and one SQL query every 50 ms that looks for all probes not yet seen.
/// </summary>
internal sealed class IngestLatency(BenchPlatform platform, IngestStream stream, int commitIntervalMs)
{
    private const int ProbeEveryMs = 200;
    private const int BackgroundEveryMs = 100;
    private const int PollEveryMs = 50;
    private const long ProbeFirstId = 3_000_000_000;
    private static readonly TimeSpan Tail = TimeSpan.FromSeconds(30);

    private readonly ConcurrentDictionary<long, long> pending = new();
    private readonly ConcurrentDictionary<int, long> refused = new();

    public async Task RunAsync(TimeSpan duration, StringBuilder report)
    {
        var table = await stream.CreateTableAsync("latency");
        using var client = IngestLoad.Client(platform, table, 4);
        var background = IngestLoad.NdjsonBodies(32, 1_000, 2_000_000_000, seed: 3);
        var probes = IngestLoad.SingleBodies((int)(duration.TotalMilliseconds / ProbeEveryMs), ProbeFirstId, seed: 4);
        var stopwatch = Stopwatch.StartNew();
        var backgroundAcked = 0;
        var senders = Task.WhenAll(
            PacedAsync(stopwatch, duration, BackgroundEveryMs, async i =>
            {
                if (await SendAsync(client, background[i % background.Length], IngestLoad.Ndjson))
                {
                    backgroundAcked++;
                }
            }),
            PacedAsync(stopwatch, duration, ProbeEveryMs, async i =>
            {
                if (i < probes.Length && await SendAsync(client, probes[i], IngestLoad.Json))
                {
                    pending[ProbeFirstId + i] = Stopwatch.GetTimestamp();
                }
            }));

        var latencies = new List<double>();
        var polls = new List<double>();
        var probesAcked = 0;
        var tailWatch = new Stopwatch();
        while (!senders.IsCompleted || (!pending.IsEmpty && tailWatch.Elapsed < Tail))
        {
            if (senders.IsCompleted && !tailWatch.IsRunning)
            {
                tailWatch.Start();
            }
            var ids = pending.Keys.ToList();
            if (ids.Count > 0)
            {
                var start = Stopwatch.GetTimestamp();
                var seen = (await stream.VisibleAsync(table, ids)).ToList();
                var end = Stopwatch.GetTimestamp();
                polls.Add(Stopwatch.GetElapsedTime(start, end).TotalMilliseconds);
                foreach (var id in seen)
                {
                    if (pending.TryRemove(id, out var acked))
                    {
                        probesAcked++;
                        latencies.Add(Stopwatch.GetElapsedTime(acked, end).TotalMilliseconds);
                    }
                }
            }
            await Task.Delay(PollEveryMs);
        }
        await senders;
        // Commit the rest before the platform shuts down, and check nothing acknowledged went missing.
        var drain = await stream.DrainAsync(TimeSpan.FromSeconds(120));
        var expected = backgroundAcked * 1_000L + probesAcked + pending.Count;
        var count = await stream.CountAsync(table);

        var sorted = latencies.Order().ToArray();
        var p99 = IngestLoad.Percentile(sorted, 0.99);
        var goal = commitIntervalMs + 1_000;
        var refusals = refused.IsEmpty ? "none" : string.Join(", ", refused.OrderBy(r => r.Key).Select(r => $"{(r.Key == 0 ? "transport error" : r.Key.ToString(CultureInfo.InvariantCulture))}: {r.Value}"));
        report.AppendLine(CultureInfo.InvariantCulture,
            $"**Event to queryable**: a probe event every {ProbeEveryMs} ms for {duration.TotalSeconds:F0} s during a light background load ({backgroundAcked} acknowledged 1,000-event batches, one every {BackgroundEveryMs} ms, same table); every {PollEveryMs} ms one query through the SQL service (`SELECT event_id … WHERE event_id IN (<probes not seen yet>)`) looks for them. Latency = end of the first query that returned the probe − its 200. One query for all outstanding probes instead of one per probe keeps the SQL load at ~20 queries/s on 2 cores.");
        report.AppendLine();
        report.AppendLine("| probes seen / acknowledged | p50 | p99 | max | goal p99 ≤ commit interval + 1 s | median poll query |");
        report.AppendLine("|---:|---:|---:|---:|---|---:|");
        report.AppendLine(CultureInfo.InvariantCulture,
            $"| {probesAcked} / {probesAcked + pending.Count} | {IngestLoad.Percentile(sorted, 0.50):N0} ms | **{p99:N0} ms** | {(sorted.Length > 0 ? sorted[^1] : double.NaN):N0} ms | {goal:N0} ms: {(p99 <= goal && pending.IsEmpty ? "met" : "**not met**")} | {Median(polls):F0} ms |");
        report.AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture,
            $"- Polling through SQL adds the query's own time (median above) and up to {PollEveryMs} ms of poll interval to every figure, so the commit path alone is faster by about that much. After the load: drained in {(drain is { } d ? d.ToString("F2", CultureInfo.InvariantCulture) + " s" : "(timeout)")}, `SELECT count(*)` = {count:N0} of {expected:N0} acknowledged {(count == expected ? "(exact)" : "**MISMATCH**")}. Non-200 answers: {refusals}{(pending.IsEmpty ? "" : $"; {pending.Count} acknowledged probes not visible {Tail.TotalSeconds:F0} s after the load stopped")}.");
    }

    private async Task<bool> SendAsync(HttpClient client, byte[] body, string contentType)
    {
        var (status, _) = await IngestLoad.SendAsync(client, stream.IngestPath, body, contentType);
        if (status != 200)
        {
            refused.AddOrUpdate(status, 1, (_, n) => n + 1);
        }
        return status == 200;
    }

    /// <summary>Calls <paramref name="send"/> with 0, 1, 2, … every <paramref name="everyMs"/> ms (sequentially; a late call goes out at once) until <paramref name="duration"/>.</summary>
    private static async Task PacedAsync(Stopwatch stopwatch, TimeSpan duration, int everyMs, Func<int, Task> send)
    {
        for (var i = 0; stopwatch.Elapsed < duration; i++)
        {
            var wait = TimeSpan.FromMilliseconds((double)i * everyMs) - stopwatch.Elapsed;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }
            await send(i);
        }
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? double.NaN : sorted[sorted.Length / 2];
    }
}
