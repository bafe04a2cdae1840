using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Iomete.Bench;

/// <summary>
/// Cold start: process start to the first 200 on /readyz with every function loaded, for the
/// local host on an empty data dir (first start: migrations, bootstrap) and on a used one,
/// against a bare minimal API process as the baseline.
/// </summary>
internal static class ColdStartBenchmark
{
    public static async Task<string> RunAsync(BenchOptions options)
    {
        var localHostDll = typeof(Iomete.Functions.LocalHost.LocalHostApp).Assembly.Location;
        var benchDll = typeof(ColdStartBenchmark).Assembly.Location;
        var dataDir = Path.Combine(Path.GetTempPath(), "iomete-cold-" + Guid.NewGuid().ToString("N")[..8]);
        var first = new List<double>();
        var warm = new List<double>();
        var bare = new List<double>();
        for (var i = 0; i < options.Rounds; i++)
        {
            var fresh = dataDir + "-" + i.ToString(CultureInfo.InvariantCulture);
            first.Add(await MeasureAsync(localHostDll, port => ["--urls", $"http://127.0.0.1:{port}", "--Iomete:DataDir", fresh, "--Iomete:Identity:AdminPassword", "bench-Password-1"]));
            warm.Add(await MeasureAsync(localHostDll, port => ["--urls", $"http://127.0.0.1:{port}", "--Iomete:DataDir", fresh, "--Iomete:Identity:AdminPassword", "bench-Password-1"]));
            bare.Add(await MeasureAsync(benchDll, port => ["bare-host", "--port", port.ToString(CultureInfo.InvariantCulture)]));
            try
            {
                Directory.Delete(fresh, recursive: true);
            }
            catch (IOException)
            {
            }
        }
        double Median(List<double> xs) => xs.OrderBy(x => x).ElementAt(xs.Count / 2);
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"### Cold start to first 200 on /readyz ({DateTime.UtcNow:yyyy-MM-dd}, median of {options.Rounds}, `dotnet <dll>`)");
        text.AppendLine();
        text.AppendLine("| process | seconds |");
        text.AppendLine("|---|---:|");
        text.AppendLine(CultureInfo.InvariantCulture, $"| bare minimal API (baseline) | {Median(bare):F2} |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| local host, empty data dir (migrations + bootstrap) | {Median(first):F2} |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| local host, existing data dir | {Median(warm):F2} |");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Ratio local host (existing data dir) / bare: **{Median(warm) / Median(bare):F2}**; goal: local host ≤ 1.5 s.");
        return text.ToString();
    }

    private static async Task<double> MeasureAsync(string dll, Func<int, string[]> arguments)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(dll);
        foreach (var a in arguments(port))
        {
            start.ArgumentList.Add(a);
        }
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var stopwatch = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            while (stopwatch.Elapsed < TimeSpan.FromSeconds(60))
            {
                try
                {
                    using var response = await client.GetAsync(new Uri($"http://127.0.0.1:{port}/readyz"));
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        return stopwatch.Elapsed.TotalSeconds;
                    }
                }
                catch (HttpRequestException)
                {
                }
                await Task.Delay(10);
            }
            throw new TimeoutException($"{dll} did not become ready in 60 s.");
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
