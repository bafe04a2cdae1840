using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Iomete.DataSecurity.Decisions;
using Iomete.Platform.Security;
using Iomete.Testing.Tpch;
using Microsoft.Extensions.DependencyInjection;

namespace Iomete.Bench;

/// <summary>
/// Issue 8's enforcement benchmark, side by side in one run on the same TPC-H data: the 22 queries as the super admin
/// (no policy applies) vs as an analyst under a row filter and two masks on lineitem; the added latency of the policy
/// decision and rewrite on a one-row query; and the decision point's own cost for lineitem's 16 columns.
/// </summary>
internal static class DataPolicyBenchmark
{
    private const string Catalog = "spark_catalog";
    private const string Database = "tpch";
    private const string Password = "Bench-analyst-1";

    public static async Task<string> RunAsync(BenchOptions options)
    {
        var scale = options.Scale;
        await using var platform = await BenchPlatform.StartAsync();
        using var admin = platform.Client();
        admin.Timeout = TimeSpan.FromHours(1);
        var adminSql = new SqlServiceClient(admin, Catalog, Database);
        await new SqlServiceClient(admin, Catalog, null).RunAsync($"CREATE DATABASE {Database}");
        foreach (var statement in TpchGenerator.CreateTableStatements(scale, ""))
        {
            await adminSql.RunAsync(statement);
        }
        using var analyst = await AnalystAsync(platform, admin);
        var analystSql = new SqlServiceClient(analyst, Catalog, Database);

        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"### Data-security enforcement (issue 8) — TPC-H SF {scale}, {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd}");
        report.AppendLine();
        report.AppendLine("The analyst reads lineitem under a row filter (`l_shipdate >= DATE '1992-01-01'`, which keeps every row) and two masks (`l_comment` MASK_SHOW_LAST_4, `l_shipinstruct` MASK); the admin is a super user, so nothing is rewritten for them. Same platform, same data, queries interleaved.");
        report.AppendLine();
        await QueriesAsync(adminSql, analystSql, scale, options.Rounds, report);
        await RewriteLatencyAsync(adminSql, analystSql, report);
        await DecisionLatencyAsync(platform, report);
        return report.ToString();
    }

    private static async Task<HttpClient> AnalystAsync(BenchPlatform platform, HttpClient admin)
    {
        (await admin.PostAsJsonAsync("/api/v1/admin/identity/users", new { username = "analyst", email = "analyst@example.com", password = Password })).EnsureSuccessStatusCode();
        using var domain = JsonDocument.Parse(await admin.GetStringAsync(new Uri("/api/v1/admin/domains/default", UriKind.Relative)));
        var bundle = domain.RootElement.GetProperty("bundleId").GetString();
        (await admin.PostAsJsonAsync($"/api/v1/bundles/{bundle}/permissions",
            new { actorId = "analyst", actorType = "USER", permissions = new Dictionary<string, string[]> { ["DOMAIN"] = ["VIEW_DATA_CATALOG"] } })).EnsureSuccessStatusCode();
        var lineitem = new { databases = new[] { $"{Catalog}.{Database}" }, tables = new[] { "lineitem" } };
        (await admin.PostAsJsonAsync("/api/v1/admin/data-security/filter/policy", new
        {
            name = "bench-lineitem-filter",
            resources = new[] { lineitem },
            rowFilterPolicyItems = new[] { new { users = new[] { "analyst" }, filterExpr = "l_shipdate >= DATE '1992-01-01'" } },
        })).EnsureSuccessStatusCode();
        foreach (var (column, type) in new[] { ("l_comment", "MASK_SHOW_LAST_4"), ("l_shipinstruct", "MASK") })
        {
            (await admin.PostAsJsonAsync("/api/v1/admin/data-security/mask/policy", new
            {
                name = "bench-mask-" + column.Replace('_', '-'),
                resources = new[] { new { databases = lineitem.databases, tables = lineitem.tables, columns = new[] { column } } },
                dataMaskPolicyItems = new[] { new { users = new[] { "analyst" }, dataMaskType = type } },
            })).EnsureSuccessStatusCode();
        }
        using var login = await admin.PostAsJsonAsync("/api/v1/auth/login", new { username = "analyst", password = Password });
        login.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await login.Content.ReadAsStringAsync());
        var client = new HttpClient { BaseAddress = platform.Address, Timeout = TimeSpan.FromHours(1) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", body.RootElement.GetProperty("accessToken").GetString());
        return client;
    }

    private static async Task QueriesAsync(SqlServiceClient admin, SqlServiceClient analyst, double scale, int rounds, StringBuilder report)
    {
        var plain = Enumerable.Range(0, TpchQueries.Count + 1).Select(_ => new List<double>()).ToArray();
        var secured = Enumerable.Range(0, TpchQueries.Count + 1).Select(_ => new List<double>()).ToArray();
        var differing = new List<int>();
        for (var n = 1; n <= TpchQueries.Count; n++)
        {
            var text = TpchQueries.Get(n, "", scale);
            var a = await admin.PageAsync(await admin.RunAsync(text, 10_000), 10_000);
            var b = await analyst.PageAsync(await analyst.RunAsync(text, 10_000), 10_000);
            if (TpchResults.Compare(a, b, TpchQueries.IsOrderSensitive(n)).Count > 0)
            {
                differing.Add(n);
            }
        }
        for (var round = 0; round < Math.Max(1, rounds); round++)
        {
            for (var n = 1; n <= TpchQueries.Count; n++)
            {
                var text = TpchQueries.Get(n, "", scale);
                plain[n].Add(await TimeAsync(async () => await admin.FirstPageAsync(await admin.RunAsync(text, 10_000), 10_000)));
                secured[n].Add(await TimeAsync(async () => await analyst.FirstPageAsync(await analyst.RunAsync(text, 10_000), 10_000)));
            }
        }
        report.AppendLine(differing.Count == 0
            ? "All 22 answers are the same for both users (the filter keeps every row; no query outputs a masked column)."
            : "Answers that differ (masked columns in the output: expected): " + string.Join(", ", differing.Select(n => "Q" + n.ToString(CultureInfo.InvariantCulture))));
        report.AppendLine();
        report.AppendLine(CultureInfo.InvariantCulture, $"Median of {Math.Max(1, rounds)} rounds after a warm-up, through the SQL service (submit with wait + first page):");
        report.AppendLine();
        report.AppendLine("| query | admin (no policy) | analyst (filter + 2 masks) | ratio |");
        report.AppendLine("|---|---|---|---|");
        double totalPlain = 0, totalSecured = 0;
        for (var n = 1; n <= TpchQueries.Count; n++)
        {
            var p = Median(plain[n]);
            var s = Median(secured[n]);
            totalPlain += p;
            totalSecured += s;
            report.AppendLine(CultureInfo.InvariantCulture, $"| Q{n} | {p * 1000:F0} ms | {s * 1000:F0} ms | {s / p:F2} |");
        }
        report.AppendLine(CultureInfo.InvariantCulture, $"| total | {totalPlain:F2} s | {totalSecured:F2} s | {totalSecured / totalPlain:F2} |");
        report.AppendLine();
    }

    private static async Task RewriteLatencyAsync(SqlServiceClient admin, SqlServiceClient analyst, StringBuilder report)
    {
        const string text = "SELECT l_orderkey, l_comment FROM lineitem LIMIT 1";
        var plain = new List<double>();
        var secured = new List<double>();
        for (var i = 0; i < 60; i++)
        {
            plain.Add(await TimeAsync(async () => await admin.FirstPageAsync(await admin.RunAsync(text, 10), 10)));
            secured.Add(await TimeAsync(async () => await analyst.FirstPageAsync(await analyst.RunAsync(text, 10), 10)));
        }
        var added = (Median(secured.Skip(10).ToList()) - Median(plain.Skip(10).ToList())) * 1000;
        report.AppendLine(CultureInfo.InvariantCulture,
            $"Added latency of the policy decision and rewrite per query (`{text}`, median of 50 after 10 warm-ups): admin {Median(plain.Skip(10).ToList()) * 1000:F1} ms, analyst {Median(secured.Skip(10).ToList()) * 1000:F1} ms, **added {added:F2} ms** (goal ≤ 1 ms).");
        report.AppendLine();
    }

    private static async Task DecisionLatencyAsync(BenchPlatform platform, StringBuilder report)
    {
        var decider = platform.Services.GetRequiredService<IDataAccessDecider>();
        var caller = new Caller("bench-analyst", "analyst", UserType.Person, false, new HashSet<AdminRole>(), new HashSet<string>(), null);
        var columns = new[] { "l_orderkey", "l_partkey", "l_suppkey", "l_linenumber", "l_quantity", "l_extendedprice", "l_discount", "l_tax",
            "l_returnflag", "l_linestatus", "l_shipdate", "l_commitdate", "l_receiptdate", "l_shipinstruct", "l_shipmode", "l_comment" };
        var request = new TableReadRequest(caller, new DataResource(Catalog, Database, "lineitem"), columns, "bench", "QUERY");
        for (var i = 0; i < 1_000; i++)
        {
            await decider.ReadPolicyAsync(request, CancellationToken.None);
        }
        const int calls = 20_000;
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < calls; i++)
        {
            await decider.ReadPolicyAsync(request, CancellationToken.None);
        }
        watch.Stop();
        report.AppendLine(CultureInfo.InvariantCulture,
            $"The decision point alone, in process: one table read decision for lineitem (16 column decisions, a row filter, 16 mask lookups, one audit record) takes {watch.Elapsed.TotalMicroseconds / calls:F1} µs ({calls / watch.Elapsed.TotalSeconds:N0} table decisions/s, cached per user and resource).");
        report.AppendLine();
    }

    private static async Task<double> TimeAsync(Func<Task> action)
    {
        var watch = Stopwatch.StartNew();
        await action();
        return watch.Elapsed.TotalSeconds;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? 0 : sorted[sorted.Count / 2];
    }
}
