using System.Diagnostics;
using System.Globalization;
using System.Text;
using DuckDB.NET.Data;

namespace Iomete.Bench;

/// <summary>
/// Issue 5's benchmark, side by side in one run on the embedded defaults: 1,000-event NDJSON batches of ~200-byte events
/// from closed-loop clients with durable acknowledgements, drained into Iceberg and counted, vs DuckDB's own
/// <c>read_json</c> → Parquet conversion of the same bytes; single-event requests at high concurrency; and
/// event-to-queryable latency of probes under a light background load.
/// </summary>
internal static class IngestBenchmark
{
    private const int CommitIntervalMs = 1_000;
    private const int BatchEvents = 1_000;
    private const int BatchBodies = 256;
    private const int SingleClients = 64;
    private const double GoalMBps = 70;
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(120);

    public static async Task<string> RunAsync(BenchOptions options)
    {
        var duration = TimeSpan.FromSeconds(options.Seconds);
        await using var platform = await BenchPlatform.StartAsync();
        using var admin = platform.Client();
        admin.Timeout = TimeSpan.FromMinutes(5);
        var stream = await IngestStream.CreateAsync(admin, CommitIntervalMs);
        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture,
            $"### Event streams ingest (issue 5) — {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd}, commit interval {CommitIntervalMs:N0} ms, {options.Seconds} s per scenario");
        report.AppendLine();
        report.AppendLine("One stream on the embedded defaults (local disk write-ahead log, Iceberg tables via the REST catalog, SQL service on DuckDB); the HTTP clients run in the same process and share the cores; request bodies are pre-built.");
        report.AppendLine();
        await BatchedAsync(platform, stream, options.Concurrency, duration, report);
        await SingleAsync(platform, stream, duration, report);
        await new IngestLatency(platform, stream, CommitIntervalMs).RunAsync(duration, report);
        return report.ToString();
    }

    private static async Task BatchedAsync(BenchPlatform platform, IngestStream stream, int concurrency, TimeSpan duration, StringBuilder report)
    {
        var table = await stream.CreateTableAsync("events");
        var bodies = IngestLoad.NdjsonBodies(BatchBodies, BatchEvents, 1, seed: 1);
        using var client = IngestLoad.Client(platform, table, concurrency);
        var warm = await IngestLoad.ClosedLoopAsync(client, stream.IngestPath, bodies, IngestLoad.Ndjson, concurrency, WarmUp);
        await stream.DrainAsync(DrainTimeout);
        var run = await IngestLoad.ClosedLoopAsync(client, stream.IngestPath, bodies, IngestLoad.Ndjson, concurrency, duration);
        var drain = await stream.DrainAsync(DrainTimeout);
        var metrics = await stream.MetricsAsync();
        var expected = (warm.Requests + run.Requests) * BatchEvents;
        var count = await stream.CountAsync(table);

        var bytes = run.Acked.Sum(i => (long)bodies[(int)(i % bodies.Length)].Length);
        var events = run.Requests * BatchEvents;
        var (duckSeconds, duckRows) = await DuckDbConversionAsync(bodies, run.Acked);
        var ours = bytes / 1e6 / run.Seconds;
        var endToEnd = drain is { } d ? bytes / 1e6 / (run.Seconds + d) : double.NaN;
        var duck = bytes / 1e6 / duckSeconds;

        report.AppendLine(CultureInfo.InvariantCulture,
            $"**Batched**: {BatchEvents:N0}-event NDJSON requests ({bytes / (double)events:F0} B/event, {bytes / (double)run.Requests / 1e3:F0} kB bodies), {concurrency} closed-loop clients for {run.Seconds:F1} s, a 200 only once the batch is in the fsynced write-ahead log; vs DuckDB `COPY (SELECT * FROM read_json(<the same bytes>, format='newline_delimited', columns={{…}})) TO parquet (zstd)` in memory on the same machine afterwards. MB = 10⁶ bytes of request bodies.");
        report.AppendLine();
        report.AppendLine("| path | MB | time | MB/s | events/s | p50 request | p99 request |");
        report.AppendLine("|---|---:|---:|---:|---:|---:|---:|");
        report.AppendLine(CultureInfo.InvariantCulture,
            $"| ingest endpoint, acknowledged (durable) | {bytes / 1e6:N0} | {run.Seconds:F2} s | **{ours:F1}** | {events / run.Seconds:N0} | {run.P50Ms:F1} ms | {run.P99Ms:F1} ms |");
        report.AppendLine(CultureInfo.InvariantCulture,
            $"| ingest + drain until committed to Iceberg | {bytes / 1e6:N0} | {run.Seconds + (drain ?? double.NaN):F2} s | {endToEnd:F1} | {events / (run.Seconds + (drain ?? double.NaN)):N0} | | |");
        report.AppendLine(CultureInfo.InvariantCulture,
            $"| DuckDB `read_json` → Parquet (baseline, {duckRows:N0} rows{(duckRows == events ? "" : " ≠ events sent")}) | {bytes / 1e6:N0} | {duckSeconds:F2} s | {duck:F1} | {events / duckSeconds:N0} | | |");
        report.AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture,
            $"- Ratio ours / DuckDB: **{ours / duck:F2}** acknowledged, {endToEnd / duck:F2} end to end (goal ≥ 0.5). Ours vs the 70 MB/s goal (Redpanda Connect's Iceberg output, 2 vCPU: 64–69 MB/s): **{ours / GoalMBps:F2}**.");
        report.AppendLine(drain is { } drained
            ? string.Create(CultureInfo.InvariantCulture, $"- Drain: every acknowledged event committed {drained:F2} s after the load stopped (metrics `pendingEvents` = 0, polled every 50 ms).")
            : $"- Drain: events still pending {DrainTimeout.TotalSeconds:F0} s after the load stopped.");
        report.AppendLine(CultureInfo.InvariantCulture,
            $"- `SELECT count(*)` = {count:N0}, acknowledged (incl. {warm.Requests * BatchEvents:N0} of a {WarmUp.TotalSeconds:F0} s warm-up) = {expected:N0}: {(count == expected ? "**matches exactly**" : "**MISMATCH**")}.");
        report.AppendLine(CultureInfo.InvariantCulture,
            $"- Stream metrics after the drain (since the stream started, warm-up included): {Long(metrics, "commitsTotal")} commits, {Long(metrics, "commitFailuresTotal")} failed commit attempts, commit latency p99 {Ms(metrics, "commitLatencyP99Ms")} (first event to commit), {Long(metrics, "throttledTotal")} throttled, {Long(metrics, "compactionsTotal")} compactions. Non-200 answers during the run: {run.RefusedText} (warm-up: {warm.RefusedText}).");
        report.AppendLine();
    }

    private static async Task SingleAsync(BenchPlatform platform, IngestStream stream, TimeSpan duration, StringBuilder report)
    {
        var table = await stream.CreateTableAsync("single");
        var bodies = IngestLoad.SingleBodies(8_192, 1_000_000_000, seed: 2);
        using var client = IngestLoad.Client(platform, table, SingleClients);
        var warm = await IngestLoad.ClosedLoopAsync(client, stream.IngestPath, bodies, IngestLoad.Json, SingleClients, WarmUp);
        await stream.DrainAsync(DrainTimeout);
        var run = await IngestLoad.ClosedLoopAsync(client, stream.IngestPath, bodies, IngestLoad.Json, SingleClients, duration);
        var drain = await stream.DrainAsync(DrainTimeout);
        var count = await stream.CountAsync(table);
        var expected = warm.Requests + run.Requests;
        var rate = run.Requests / run.Seconds;

        report.AppendLine(CultureInfo.InvariantCulture,
            $"**Single events**: one `application/json` object (~{IngestLoad.EventBytes} B) per request, {SingleClients} closed-loop clients for {run.Seconds:F1} s, durable 200s, fresh table.");
        report.AppendLine();
        report.AppendLine("| requests/s (goal ≥ 20,000) | p50 | p99 | non-200 answers | drained after | count check |");
        report.AppendLine("|---:|---:|---:|---|---:|---|");
        report.AppendLine(CultureInfo.InvariantCulture,
            $"| **{rate:N0}** ({rate / 20_000:F2} of goal) | {run.P50Ms:F1} ms | {run.P99Ms:F1} ms | {run.RefusedText} | {(drain is { } d ? d.ToString("F2", CultureInfo.InvariantCulture) + " s" : "timeout")} | {count:N0} of {expected:N0} {(count == expected ? "(exact)" : "**MISMATCH**")} |");
        report.AppendLine();
    }

    /// <summary>Writes the acknowledged bodies, in order, to an .ndjson file and times DuckDB converting it to Parquet; returns seconds and rows written.</summary>
    private static async Task<(double Seconds, long Rows)> DuckDbConversionAsync(byte[][] bodies, IReadOnlyList<long> acked)
    {
        var scratch = Path.Combine(Path.GetTempPath(), "iomete-bench-ingest-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(scratch);
        try
        {
            var input = Path.Combine(scratch, "events.ndjson");
            var output = Path.Combine(scratch, "events.parquet");
            await using (var file = new FileStream(input, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20))
            {
                foreach (var index in acked)
                {
                    await file.WriteAsync(bodies[(int)(index % bodies.Length)]);
                }
            }
            await using var duck = new DuckDBConnection("DataSource=:memory:");
            await duck.OpenAsync();
            var columns = "{event_id: 'BIGINT', user_id: 'BIGINT', kind: 'VARCHAR', ts: 'TIMESTAMPTZ', payload: 'VARCHAR'}";
            await using var copy = duck.CreateCommand();
            copy.CommandText = $"COPY (SELECT * FROM read_json('{input}', format = 'newline_delimited', columns = {columns})) TO '{output}' (FORMAT parquet, COMPRESSION zstd)";
            var watch = Stopwatch.StartNew();
            await copy.ExecuteNonQueryAsync();
            var seconds = watch.Elapsed.TotalSeconds;
            await using var count = duck.CreateCommand();
            count.CommandText = $"SELECT count(*) FROM read_parquet('{output}')";
            return (seconds, Convert.ToInt64(await count.ExecuteScalarAsync(), CultureInfo.InvariantCulture));
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    private static string Long(System.Text.Json.JsonElement metrics, string name) =>
        metrics.TryGetProperty(name, out var value) && value.ValueKind == System.Text.Json.JsonValueKind.Number
            ? value.GetInt64().ToString("N0", CultureInfo.InvariantCulture)
            : "n/a";

    private static string Ms(System.Text.Json.JsonElement metrics, string name) =>
        metrics.TryGetProperty(name, out var value) && value.ValueKind == System.Text.Json.JsonValueKind.Number
            ? value.GetDouble().ToString("N0", CultureInfo.InvariantCulture) + " ms"
            : "n/a";
}
