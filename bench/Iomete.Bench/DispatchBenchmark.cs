using System.Globalization;
using System.Text;
using Iomete.Functions.LocalHost;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Iomete.Bench;

/// <summary>
/// Function dispatch overhead: the same trivial function (GET /healthz) through the local host's
/// function pipeline versus a bare minimal-API endpoint, in one process, in alternating rounds.
/// </summary>
internal static class DispatchBenchmark
{
    public static async Task<string> RunAsync(BenchOptions options)
    {
        var dataDir = Path.Combine(Path.GetTempPath(), "iomete-bench-" + Guid.NewGuid().ToString("N")[..8]);
        await using var platform = LocalHostApp.Build([], b =>
        {
            b.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["urls"] = "http://127.0.0.1:0",
                ["Iomete:DataDir"] = dataDir,
                ["Iomete:Identity:AdminPassword"] = "bench-Password-1",
                ["Logging:LogLevel:Default"] = "Warning",
            });
        });
        await platform.StartAsync();
        await using var bare = BareHost.Build(0);
        await bare.StartAsync();

        var functionUrl = new Uri(Address(platform) + "/healthz");
        var bareUrl = new Uri(Address(bare) + "/healthz");
        var duration = TimeSpan.FromSeconds(options.Seconds);
        var functionRuns = new List<LoadGenerator.Result>();
        var bareRuns = new List<LoadGenerator.Result>();
        for (var round = 0; round < options.Rounds; round++)
        {
            // Alternate the order so drift (thermal, GC, other load) hits both sides alike.
            if (round % 2 == 0)
            {
                bareRuns.Add(await LoadGenerator.RunAsync(bareUrl, options.Concurrency, duration));
                functionRuns.Add(await LoadGenerator.RunAsync(functionUrl, options.Concurrency, duration));
            }
            else
            {
                functionRuns.Add(await LoadGenerator.RunAsync(functionUrl, options.Concurrency, duration));
                bareRuns.Add(await LoadGenerator.RunAsync(bareUrl, options.Concurrency, duration));
            }
        }
        await platform.StopAsync();
        await bare.StopAsync();
        TryDelete(dataDir);

        var f = Median(functionRuns);
        var b = Median(bareRuns);
        var ratio = f.Throughput / b.Throughput;
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"### Function dispatch overhead ({DateTime.UtcNow:yyyy-MM-dd}, {Environment.ProcessorCount} cores, {options.Rounds} alternating rounds × {options.Seconds} s, {options.Concurrency} connections, median round)");
        text.AppendLine();
        text.AppendLine("| endpoint | requests/s | p50 ms | p99 ms |");
        text.AppendLine("|---|---:|---:|---:|");
        text.AppendLine(CultureInfo.InvariantCulture, $"| bare minimal API `GET /healthz` (baseline) | {b.Throughput:F0} | {b.P50Ms:F3} | {b.P99Ms:F3} |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| local host function `healthz` | {f.Throughput:F0} | {f.P50Ms:F3} | {f.P99Ms:F3} |");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Throughput ratio function / bare: **{ratio:F2}** (goal ≥ 0.9); p50 ratio {f.P50Ms / b.P50Ms:F2}, p99 ratio {f.P99Ms / b.P99Ms:F2}.");
        return text.ToString();
    }

    private static LoadGenerator.Result Median(List<LoadGenerator.Result> runs) =>
        runs.OrderBy(r => r.Throughput).ElementAt(runs.Count / 2);

    private static string Address(WebApplication app) =>
        app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

    private static void TryDelete(string dir)
    {
        try
        {
            Directory.Delete(dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
