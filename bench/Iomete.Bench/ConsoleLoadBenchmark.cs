using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Iomete.Testing;
using Microsoft.Playwright;

namespace Iomete.Bench;

/// <summary>
/// The console's first load, as a user meets it: a cold browser (new profile, empty cache) opening the SQL editor on
/// localhost until the editor is interactive. Side by side in one run: the published host (trimmed, pre-compressed
/// assets: what the Helm image and `dotnet publish` ship) against the same console from a plain Release build
/// (untrimmed, served uncompressed), the baseline. Then the 10,000-row result grid (see <see cref="ConsoleGridBenchmark"/>).
/// </summary>
internal static class ConsoleLoadBenchmark
{
    private const string Password = "bench-Password-1";

    public static async Task<string> RunAsync(BenchOptions options)
    {
        var root = Requires.RepositoryRoot();
        var published = Path.Combine(Path.GetTempPath(), "iomete-console-publish");
        await PublishAsync(root, published);
        var built = Path.Combine(root, "functions", "Iomete.Functions.LocalHost", "bin", "Release", "net10.0");
        if (!File.Exists(Path.Combine(built, "Iomete.Functions.LocalHost.dll")))
        {
            throw new InvalidOperationException("Build the local host in Release first: dotnet build -c Release functions/Iomete.Functions.LocalHost");
        }

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });

        await using var publishedHost = await HostProcess.StartAsync(Path.Combine(published, "Iomete.Functions.LocalHost.dll"), Password);
        await using var builtHost = await HostProcess.StartAsync(Path.Combine(built, "Iomete.Functions.LocalHost.dll"), Password);
        var publishedRuns = new List<LoadSample>();
        var builtRuns = new List<LoadSample>();
        for (var i = 0; i < options.Rounds; i++)
        {
            // Alternating, so that a noisy moment hurts both sides alike.
            publishedRuns.Add(await MeasureAsync(browser, publishedHost));
            builtRuns.Add(await MeasureAsync(browser, builtHost));
        }
        var grid = await ConsoleGridBenchmark.RunAsync(browser, publishedHost, options);

        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"### Console first load to an interactive SQL editor ({DateTime.UtcNow:yyyy-MM-dd}, {options.Rounds} cold loads each, Debian Chromium headless, localhost, 2 cores, load average {BenchMachine.LoadAverage()})");
        text.AppendLine();
        text.AppendLine("| console served from | median s | worst s | transferred | requests |");
        text.AppendLine("|---|---:|---:|---:|---:|");
        text.AppendLine(Row("Release build, uncompressed, untrimmed (baseline)", builtRuns));
        text.AppendLine(Row("`dotnet publish` (trimmed, Brotli)", publishedRuns));
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"Ratio published / baseline (median time): **{Median(publishedRuns, s => s.Seconds) / Median(builtRuns, s => s.Seconds):F2}**; bytes: **{Median(publishedRuns, s => s.Bytes) / Median(builtRuns, s => s.Bytes):F2}**. Goal: published ≤ 2 s.");
        text.AppendLine();
        text.Append(grid);
        return text.ToString();
    }


    private static string Row(string name, List<LoadSample> runs) => string.Create(CultureInfo.InvariantCulture,
        $"| {name} | {Median(runs, s => s.Seconds):F2} | {runs.Max(s => s.Seconds):F2} | {Median(runs, s => s.Bytes) / 1024 / 1024:F1} MiB | {Median(runs, s => s.Requests):F0} |");

    private static double Median(List<LoadSample> xs, Func<LoadSample, double> f) => xs.Select(f).OrderBy(x => x).ElementAt(xs.Count / 2);

    /// <summary>A new browser context (no cache, no storage) already holding a session, so the load is the editor's alone.</summary>
    internal static async Task<IPage> SignedInPageAsync(IBrowser browser, HostProcess host)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = host.BaseAddress, ViewportSize = new ViewportSize { Width = 1440, Height = 900 } });
        var session = JsonSerializer.Serialize(new { accessToken = host.AccessToken, refreshToken = host.RefreshToken, passwordChangeRequired = false });
        await context.AddInitScriptAsync($"localStorage.setItem('iomete.session', {JsonSerializer.Serialize(session)});");
        return await context.NewPageAsync();
    }

    /// <summary>Opens the SQL editor and waits until it is interactive: Run enabled and Monaco drawn.</summary>
    internal static async Task OpenEditorAsync(IPage page)
    {
        await page.GotoAsync("/default/sql");
        await page.Locator("[data-testid=sql-run]:not([disabled])").WaitForAsync(new LocatorWaitForOptions { Timeout = 60_000 });
        await page.Locator("[data-testid=sql-editor] .monaco-editor[role=code]").WaitForAsync(new LocatorWaitForOptions { Timeout = 60_000 });
    }

    private static async Task<LoadSample> MeasureAsync(IBrowser browser, HostProcess host)
    {
        var page = await SignedInPageAsync(browser, host);
        long bytes = 0;
        var requests = 0;
        var sizes = new List<Task>();
        page.RequestFinished += (_, request) =>
        {
            requests++;
            sizes.Add(Task.Run(async () =>
            {
                var s = await request.SizesAsync();
                Interlocked.Add(ref bytes, s.ResponseBodySize + s.ResponseHeadersSize);
            }));
        };
        var stopwatch = Stopwatch.StartNew();
        await OpenEditorAsync(page);
        var seconds = stopwatch.Elapsed.TotalSeconds;
        await Task.WhenAll(sizes.ToArray());
        await page.Context.CloseAsync();
        return new LoadSample(seconds, bytes, requests);
    }

    private static async Task PublishAsync(string root, string output)
    {
        if (Directory.Exists(output))
        {
            Directory.Delete(output, recursive: true);
        }
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "publish", Path.Combine(root, "functions", "Iomete.Functions.LocalHost"), "-c", "Release", "-o", output, "--nologo" })
        {
            start.ArgumentList.Add(a);
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException("dotnet publish failed:\n" + await stdout + await stderr);
        }
    }

    private sealed record LoadSample(double Seconds, double Bytes, double Requests);
}

/// <summary>A local host started from a dll on a free port with a fresh data dir, signed in as admin.</summary>
internal sealed class HostProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly string dataDir;

    private HostProcess(Process process, string dataDir, string baseAddress, string accessToken, string refreshToken)
    {
        this.process = process;
        this.dataDir = dataDir;
        BaseAddress = baseAddress;
        AccessToken = accessToken;
        RefreshToken = refreshToken;
    }

    public string BaseAddress { get; }

    public string AccessToken { get; }

    public string RefreshToken { get; }

    public static async Task<HostProcess> StartAsync(string dll, string password)
    {
        var port = FreePort();
        var dataDir = Path.Combine(Path.GetTempPath(), "iomete-console-bench-" + Guid.NewGuid().ToString("N")[..8]);
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetTempPath() };
        foreach (var a in new[] { dll, "--urls", $"http://127.0.0.1:{port}", "--Iomete:DataDir", dataDir, "--Iomete:Identity:AdminPassword", password })
        {
            start.ArgumentList.Add(a);
        }
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var baseAddress = $"http://127.0.0.1:{port}";
        using var http = new HttpClient { BaseAddress = new Uri(baseAddress), Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            try
            {
                using var ready = await http.GetAsync(new Uri("/readyz", UriKind.Relative));
                if (ready.IsSuccessStatusCode)
                {
                    break;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }
            if (DateTime.UtcNow > deadline)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"{dll} did not become ready.");
            }
            await Task.Delay(250);
        }
        using var login = await http.PostAsJsonAsync(new Uri("/api/v1/auth/login", UriKind.Relative), new { username = "admin", password });
        login.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await login.Content.ReadAsStringAsync());
        return new HostProcess(process, dataDir, baseAddress, body.RootElement.GetProperty("accessToken").GetString()!, body.RootElement.GetProperty("refreshToken").GetString()!);
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        process.Dispose();
        try
        {
            Directory.Delete(dataDir, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
