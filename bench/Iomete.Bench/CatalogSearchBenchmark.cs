using System.Diagnostics;
using System.Globalization;
using System.Text;
using Iomete.Functions.Catalog.Index;
using Iomete.Functions.Catalog.Search;

namespace Iomete.Bench;

/// <summary>
/// Issue 9's catalog search benchmark: 5,000 tables × 20 columns (100,000 indexed columns) with descriptions, searched
/// with exact-name, name-prefix, column-name and typo queries, side by side: a naive linear scan over the same entries
/// (tokens and typo distance checked entry by entry, the baseline) and the index (<see cref="SearchIndex"/>).
/// Latency is per query, one thread, after a warm-up; each query kind runs for the given seconds.
/// </summary>
internal static class CatalogSearchBenchmark
{
    private const int Tables = 5_000;
    private const int ColumnsPerTable = 20;

    private static readonly string[] Words =
    [
        "customer", "order", "invoice", "payment", "shipment", "product", "inventory", "warehouse", "supplier", "account", "ledger", "budget",
        "campaign", "session", "click", "impression", "device", "region", "country", "store", "employee", "payroll", "contract", "claim",
        "policy", "premium", "patient", "visit", "diagnosis", "sensor", "reading", "metric", "event", "audit", "login", "ticket", "refund",
        "discount", "coupon", "basket", "catalog", "price", "currency", "exchange", "forecast", "quota", "territory", "partner", "vendor",
        "subscription", "plan", "usage", "billing", "balance", "transfer", "loan", "deposit", "branch", "atm", "card", "merchant", "fraud",
        "risk", "score", "segment", "cohort", "funnel", "retention", "churn", "survey", "response", "feedback", "review", "rating", "video",
        "stream", "channel", "playlist", "track", "artist", "album", "route", "vehicle", "driver", "trip", "fuel", "maintenance", "part",
    ];

    private static readonly string[] Suffixes = ["daily", "hourly", "raw", "clean", "agg", "snapshot", "history", "staging", "v2", "latest"];

    public static string Run(BenchOptions options)
    {
        var random = new Random(9);
        var tables = Generate(random);
        var build = Stopwatch.StartNew();
        var index = new SearchIndex();
        foreach (var table in tables)
        {
            index.Upsert(table);
        }
        index.Seal();
        var buildMs = build.Elapsed.TotalMilliseconds;
        var naive = new NaiveScan(tables);
        var queries = Queries(random, tables);
        var duration = TimeSpan.FromSeconds(options.Seconds);
        var rows = new List<Row>();
        foreach (var (kind, list) in queries)
        {
            var baseline = Measure(q => naive.Search(q).Count, list, duration);
            var indexed = Measure(q => index.Search(q, SearchFilter.None).Count, list, duration);
            rows.Add(new Row(kind, baseline, indexed, Hits(list, index)));
        }
        return Report(rows, options.Seconds, buildMs, tables.Sum(t => t.Columns.Count));
    }

    private static List<IndexedTable> Generate(Random random)
    {
        var tables = new List<IndexedTable>(Tables);
        var at = DateTimeOffset.UnixEpoch;
        for (var i = 0; i < Tables; i++)
        {
            var name = $"{Pick(random, Words)}_{Pick(random, Words)}_{Pick(random, Suffixes)}_{i}";
            var columns = Enumerable.Range(0, ColumnsPerTable)
                .Select(c => new IndexedColumn(c, c == 0 ? "id" : $"{Pick(random, Words)}_{Pick(random, Words)}_{c}", "string",
                    c % 4 == 0 ? $"The {Pick(random, Words)} of the {Pick(random, Words)}" : null, c == 1))
                .ToList();
            tables.Add(new IndexedTable($"t{i}", $"catalog_{i % 3}", $"db_{i % 40}", name, IndexedTypes.Table, IndexedTypes.Iceberg, null, null,
                "owner", $"{Pick(random, Words)} {Pick(random, Words)} data for {Pick(random, Words)} reporting", 1000, 10, 1_000_000, at, at, at,
                false, null, columns, null, 1));
        }
        return tables;
    }

    private static string Pick(Random random, string[] words) => words[random.Next(words.Length)];

    private static List<(string Kind, string[] Queries)> Queries(Random random, List<IndexedTable> tables)
    {
        IndexedTable Any() => tables[random.Next(tables.Count)];
        string Typo(string word)
        {
            var i = random.Next(1, word.Length - 1);
            return word[..i] + word[i + 1] + word[i] + word[(i + 2)..];
        }
        return
        [
            ("exact name", Enumerable.Range(0, 500).Select(_ => Any().Name).ToArray()),
            ("name prefix", Enumerable.Range(0, 500).Select(_ => Any().Name.Split('_')[0] is var w && w.Length > 4 ? w[..4] : w).ToArray()),
            ("column name", Enumerable.Range(0, 500).Select(_ => Any().Columns[random.Next(1, ColumnsPerTable)].Name).ToArray()),
            ("typo (2 words, 1 swap each)", Enumerable.Range(0, 500).Select(_ =>
            {
                var parts = Any().Name.Split('_');
                return Typo(parts[0].Length >= 4 ? parts[0] : "customer") + " " + Typo(parts[1].Length >= 4 ? parts[1] : "payment");
            }).ToArray()),
        ];
    }

    private static double Hits(string[] queries, SearchIndex index) => queries.Take(100).Average(q => index.Search(q, SearchFilter.None).Count);

    private static Latency Measure(Func<string, int> search, string[] queries, TimeSpan duration)
    {
        for (var i = 0; i < Math.Min(queries.Length, 50); i++)
        {
            search(queries[i]);
        }
        var samples = new List<double>();
        var end = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        for (var i = 0; Stopwatch.GetTimestamp() < end; i++)
        {
            var start = Stopwatch.GetTimestamp();
            search(queries[i % queries.Length]);
            samples.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }
        samples.Sort();
        return new Latency(Percentile(samples, 0.50), Percentile(samples, 0.99), samples.Count);
    }

    private static double Percentile(List<double> sorted, double p) => sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)(p * sorted.Count))];

    private static string Report(List<Row> rows, int seconds, double buildMs, int columns)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"## Data catalog search (issue 9): {Tables:N0} tables × {ColumnsPerTable} columns = {columns:N0} indexed columns ({seconds} s per query kind and engine, 1 thread, {Environment.ProcessorCount} cores, load average {BenchMachine.LoadAverage()}, {DateTime.UtcNow:yyyy-MM-dd})");
        text.AppendLine();
        text.AppendLine("| Query kind | Avg hits | Linear scan p50 | Linear scan p99 | Index p50 | Index p99 | p99 speed-up | Index queries |");
        text.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var r in rows)
        {
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {r.Kind} | {r.Hits:N0} | {r.Baseline.P50:F2} ms | {r.Baseline.P99:F2} ms | {r.Indexed.P50:F3} ms | {r.Indexed.P99:F3} ms | {r.Baseline.P99 / Math.Max(r.Indexed.P99, 1e-6):F0}x | {r.Indexed.Count:N0} |");
        }
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"Goal: p99 ≤ 20 ms over 100,000 indexed columns. The index: an inverted index per field (name, column, catalog/database, text), a sorted " +
            $"vocabulary for prefixes and a deletion neighbourhood for typos (Damerau-Levenshtein ≤ 1 from 4 characters, ≤ 2 from 8); building it took " +
            $"{buildMs:F0} ms. The baseline scans every entry with the same rules (tokens compared one by one, typo distance computed per word). Both rank " +
            $"and return every hit; a request then pages the hits through the caller's data-access decisions (cached per request), not measured here. " +
            $"On a shared machine the p99 is dominated by time the thread spends descheduled; compare it with the p50 and the load average.");
        return text.ToString();
    }


    private sealed record Latency(double P50, double P99, int Count);

    private sealed record Row(string Kind, Latency Baseline, Latency Indexed, double Hits);
}
