using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Iomete.Bench;

/// <summary>
/// Polaris' load shapes against the Iceberg REST catalog on the embedded defaults: a tree dataset
/// (namespaces × tables with snapshots); hot loadTable versus Kestrel serving the same pre-serialized bytes
/// (the ceiling), in alternating rounds; read-only over the tree; p99 at a fixed 1,000 req/s; an 80/20
/// read/update mix; and commits to distinct tables.
/// </summary>
internal static class IcebergCatalogBenchmark
{
    private const string Catalog = "spark_catalog";
    private const int Namespaces = 4;
    private const int TablesPerNamespace = 25;
    private const int SnapshotsPerTable = 10;

    public static async Task<string> RunAsync(BenchOptions options)
    {
        await using var platform = await BenchPlatform.StartAsync();
        using var client = platform.Client();
        var tables = await BuildTreeAsync(client);
        var hot = tables[0];
        var hotBytes = await client.GetByteArrayAsync(TablePath(hot));

        await using var bare = BareHost.Build(0);
        bare.MapGet("/table", () => Results.Bytes(hotBytes, "application/json"));
        await bare.StartAsync();
        var bareUrl = new Uri(BenchPlatform.AddressOf(bare) + "/table");

        var duration = TimeSpan.FromSeconds(options.Seconds);
        var catalogRuns = new List<LoadGenerator.Result>();
        var bareRuns = new List<LoadGenerator.Result>();
        for (var round = 0; round < options.Rounds; round++)
        {
            var catalogRun = () => LoadGenerator.RunAsync(_ => platform.Request(HttpMethod.Get, TablePath(hot)), options.Concurrency, duration);
            var bareRun = () => LoadGenerator.RunAsync(bareUrl, options.Concurrency, duration);
            if (round % 2 == 0)
            {
                bareRuns.Add(await bareRun());
                catalogRuns.Add(await catalogRun());
            }
            else
            {
                catalogRuns.Add(await catalogRun());
                bareRuns.Add(await bareRun());
            }
        }
        var random = new Random(42);
        var tree = await LoadGenerator.RunAsync(_ => platform.Request(HttpMethod.Get, TablePath(tables[random.Next(tables.Count)])), options.Concurrency, duration);
        var fixedRate = await LoadGenerator.FixedRateAsync(() => platform.Request(HttpMethod.Get, TablePath(hot)), 1000, duration);
        var bareFixedRate = await LoadGenerator.FixedRateAsync(() => new HttpRequestMessage(HttpMethod.Get, bareUrl), 1000, duration);
        var mixed = await LoadGenerator.RunAsync(_ => random.Next(5) == 0
            ? platform.Request(HttpMethod.Post, TablePath(tables[random.Next(tables.Count)]),
                $$$"""{"requirements":[],"updates":[{"action":"set-properties","updates":{"k":"{{{random.Next()}}}"}}]}""")
            : platform.Request(HttpMethod.Get, TablePath(tables[random.Next(tables.Count)])), options.Concurrency, duration);
        var commits = await CommitRateAsync(platform, client, options.Concurrency, duration);

        var c = Median(catalogRuns);
        var b = Median(bareRuns);
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"### Iceberg REST catalog ({DateTime.UtcNow:yyyy-MM-dd}, {Environment.ProcessorCount} cores, embedded SQLite + local folder, tree of {Namespaces} namespaces × {TablesPerNamespace} tables × {SnapshotsPerTable} snapshots, {options.Concurrency} connections, {options.Seconds} s per run)");
        text.AppendLine();
        text.AppendLine("| load | requests/s | p50 ms | p99 ms |");
        text.AppendLine("|---|---:|---:|---:|");
        text.AppendLine(CultureInfo.InvariantCulture, $"| Kestrel serving the same pre-serialized LoadTableResult ({hotBytes.Length} bytes; ceiling, median of {options.Rounds}) | {b.Throughput:F0} | {b.P50Ms:F3} | {b.P99Ms:F3} |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| hot `loadTable`, one table (median of {options.Rounds} alternating rounds) | {c.Throughput:F0} | {c.P50Ms:F3} | {c.P99Ms:F3} |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| read-only `loadTable` over the whole tree | {tree.Throughput:F0} | {tree.P50Ms:F3} | {tree.P99Ms:F3} |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| ceiling at a fixed 1,000 req/s (open loop) | {bareFixedRate.Throughput:F0} | {bareFixedRate.P50Ms:F3} | {bareFixedRate.P99Ms:F3} |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| hot `loadTable` at a fixed 1,000 req/s (open loop) | {fixedRate.Throughput:F0} | {fixedRate.P50Ms:F3} | {fixedRate.P99Ms:F3} |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| 80/20 `loadTable` / `updateTable` (set-properties) over the tree | {mixed.Throughput:F0} | {mixed.P50Ms:F3} | {mixed.P99Ms:F3} |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| commits (append snapshot with assert-ref-snapshot-id), one table per connection | {commits.Throughput:F0} | {commits.P50Ms:F3} | {commits.P99Ms:F3} |");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Hot loadTable / ceiling: **{c.Throughput / b.Throughput:F2}** (goal ≥ 0.6); p99 at 1,000 req/s: **{fixedRate.P99Ms:F2} ms** (goal ≤ 5 ms; ceiling {bareFixedRate.P99Ms:F2} ms); " +
                                                    $"commits to distinct tables: **{commits.Throughput:F0}/s** (goal ≥ 300/s, ratio {commits.Throughput / 300:F2}).");
        return text.ToString();
    }

    private static string TablePath((string Ns, string Table) t) => $"/catalogs/{Catalog}/v1/{Catalog}/namespaces/{t.Ns}/tables/{t.Table}";

    private static async Task<List<(string Ns, string Table)>> BuildTreeAsync(HttpClient client)
    {
        var tables = new List<(string, string)>();
        for (var n = 0; n < Namespaces; n++)
        {
            var ns = $"bench_ns{n}";
            await PostAsync(client, $"/catalogs/{Catalog}/v1/{Catalog}/namespaces", $$$"""{"namespace":["{{{ns}}}"]}""");
            await Task.WhenAll(Enumerable.Range(0, TablesPerNamespace).Select(async t =>
            {
                var table = $"t{t:D3}";
                var created = await PostAsync(client, $"/catalogs/{Catalog}/v1/{Catalog}/namespaces/{ns}/tables", $$$"""
                    {"name":"{{{table}}}","schema":{"type":"struct","fields":[
                      {"id":1,"name":"id","type":"long","required":true},{"id":2,"name":"event","type":"string","required":false},
                      {"id":3,"name":"ts","type":"timestamptz","required":false},{"id":4,"name":"amount","type":"decimal(12, 2)","required":false}]},
                     "partition-spec":{"fields":[{"source-id":3,"transform":"day","name":"ts_day"}]}}
                    """);
                var location = created.RootElement.GetProperty("metadata").GetProperty("location").GetString()!;
                long? parent = null;
                for (var s = 1; s <= SnapshotsPerTable; s++)
                {
                    var id = (n * 1000 + t) * 100L + s;
                    await PostAsync(client, $"/catalogs/{Catalog}/v1/{Catalog}/namespaces/{ns}/tables/{table}", AppendCommit(id, parent, s, location));
                    parent = id;
                }
                lock (tables)
                {
                    tables.Add((ns, table));
                }
            }));
        }
        tables.Sort();
        return tables;
    }

    /// <summary>Each connection appends snapshots to its own table, chaining assert-ref-snapshot-id.</summary>
    private static async Task<LoadGenerator.Result> CommitRateAsync(BenchPlatform platform, HttpClient client, int concurrency, TimeSpan duration)
    {
        const string ns = "bench_commits";
        await PostAsync(client, $"/catalogs/{Catalog}/v1/{Catalog}/namespaces", $$$"""{"namespace":["{{{ns}}}"]}""");
        var state = new (string Location, long? Parent, long Sequence)[concurrency];
        for (var w = 0; w < concurrency; w++)
        {
            var created = await PostAsync(client, $"/catalogs/{Catalog}/v1/{Catalog}/namespaces/{ns}/tables",
                $$$"""{"name":"c{{{w}}}","schema":{"type":"struct","fields":[{"id":1,"name":"id","type":"long","required":true}]}}""");
            state[w] = (created.RootElement.GetProperty("metadata").GetProperty("location").GetString()!, null, 0);
        }
        var next = 1L;
        return await LoadGenerator.RunAsync(w =>
        {
            // Each worker sends one request at a time, so its table's chain advances in order.
            var (location, parent, sequence) = state[w];
            var id = Interlocked.Increment(ref next) + 10_000_000L;
            state[w] = (location, id, sequence + 1);
            return platform.Request(HttpMethod.Post, $"/catalogs/{Catalog}/v1/{Catalog}/namespaces/{ns}/tables/c{w}", AppendCommit(id, parent, sequence + 1, location));
        }, concurrency, duration);
    }

    private static string AppendCommit(long id, long? parent, long sequence, string location) =>
        $$$"""
        {"requirements":[{"type":"assert-ref-snapshot-id","ref":"main","snapshot-id":{{{(parent?.ToString(CultureInfo.InvariantCulture) ?? "null")}}} }],
         "updates":[{"action":"add-snapshot","snapshot":{"snapshot-id":{{{id}}},{{{(parent is null ? "" : $"\"parent-snapshot-id\":{parent},")}}}"sequence-number":{{{sequence}}},
           "timestamp-ms":{{{DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()}}},"manifest-list":"{{{location}}}/metadata/snap-{{{id}}}.avro",
           "summary":{"operation":"append","added-data-files":"1","added-records":"100"},"schema-id":0}},
          {"action":"set-snapshot-ref","ref-name":"main","type":"branch","snapshot-id":{{{id}}} }]}
        """;

    private static async Task<JsonDocument> PostAsync(HttpClient client, string path, string json)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        using var response = await client.PostAsync(path, content);
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"POST {path}: {(int)response.StatusCode} {body}");
        }
        return JsonDocument.Parse(body);
    }

    private static LoadGenerator.Result Median(List<LoadGenerator.Result> runs) =>
        runs.OrderBy(r => r.Throughput).ElementAt(runs.Count / 2);
}
