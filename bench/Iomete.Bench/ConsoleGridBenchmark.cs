using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;

namespace Iomete.Bench;

/// <summary>
/// A 10,000-row result in the SQL editor's grid: time from Run to the rows on screen, then a scroll from top to bottom
/// one step per animation frame, measuring frame times. Baseline in the same browser: the same 10,000 rows as a plain
/// HTML table (what a non-virtualized grid puts in the page).
/// </summary>
internal static class ConsoleGridBenchmark
{
    public const string TenThousandRows = "SELECT range AS id, 'row-' || range AS label, range * 1.5 AS amount FROM range(10000)";

    // Scrolls the element (or the page) to its end in steps of 600px, one per frame; returns frame-time statistics.
    private const string ScrollScript = """
        async (selector) => {
          const host = selector ? document.querySelector(selector) : document.scrollingElement;
          const scroller = [host, ...host.querySelectorAll('*')].find(e => e.scrollHeight > e.clientHeight + 10 && getComputedStyle(e).overflowY !== 'visible') || document.scrollingElement;
          const frames = [];
          let last = performance.now();
          while (scroller.scrollTop + scroller.clientHeight < scroller.scrollHeight - 2) {
            scroller.scrollTop += 600;
            await new Promise(r => requestAnimationFrame(r));
            const now = performance.now();
            frames.push(now - last);
            last = now;
          }
          frames.sort((a, b) => a - b);
          const avg = frames.reduce((a, b) => a + b, 0) / Math.max(1, frames.length);
          return { frames: frames.length, avg, p95: frames[Math.floor(frames.length * 0.95)] || 0, long: frames.filter(f => f > 50).length,
                   rows: document.querySelectorAll('tr').length };
        }
        """;

    private const string PlainTableScript = """
        () => {
          const t0 = performance.now();
          const rows = [];
          for (let i = 0; i < 10000; i++) rows.push(`<tr><td>${i}</td><td>row-${i}</td><td>${i * 1.5}</td></tr>`);
          document.body.innerHTML = `<div id="grid" style="height:600px;overflow:auto"><table><thead><tr><th>id</th><th>label</th><th>amount</th></tr></thead><tbody>${rows.join('')}</tbody></table></div>`;
          document.body.offsetHeight;
          return performance.now() - t0;
        }
        """;

    public static async Task<string> RunAsync(IBrowser browser, HostProcess host, BenchOptions options)
    {
        var console = new List<GridSample>();
        var plain = new List<GridSample>();
        for (var i = 0; i < options.Rounds; i++)
        {
            console.Add(await ConsoleAsync(browser, host));
            plain.Add(await PlainAsync(browser));
        }
        double Median(List<GridSample> xs, Func<GridSample, double> f) => xs.Select(f).OrderBy(x => x).ElementAt(xs.Count / 2);
        string Row(string name, List<GridSample> xs) => string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {Median(xs, s => s.RenderMs):F0} | {Median(xs, s => s.Scroll.Avg):F1} | {Median(xs, s => s.Scroll.P95):F1} | {Median(xs, s => s.Scroll.Long):F0} / {Median(xs, s => s.Scroll.Frames):F0} | {Median(xs, s => s.Scroll.Rows):F0} |");
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"### A 10,000-row result in the SQL editor's grid ({options.Rounds} rounds each, medians; `{TenThousandRows}`)");
        text.AppendLine();
        text.AppendLine("| grid | Run → rows on screen, ms | scroll frame avg, ms | frame p95, ms | frames > 50 ms / frames | `<tr>` in the page |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|");
        text.AppendLine(Row("plain HTML table of 10,000 rows (baseline; render = DOM build + layout only)", plain));
        text.AppendLine(Row("console grid (virtualized; render includes running the query)", console));
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture,
            $"Ratio console / baseline, scroll frame p95: **{Median(console, s => s.Scroll.P95) / Math.Max(0.1, Median(plain, s => s.Scroll.P95)):F2}**. Smooth means frames near 16.7 ms (60 Hz) and none over 50 ms.");
        return text.ToString();
    }

    private static async Task<GridSample> ConsoleAsync(IBrowser browser, HostProcess host)
    {
        var page = await ConsoleLoadBenchmark.SignedInPageAsync(browser, host);
        // The editor's row limit (100 by default) remembered as 10,000, as a user who picked it would have it.
        await page.Context.AddInitScriptAsync("localStorage.setItem('iomete.sql.limit', '10000');");
        await ConsoleLoadBenchmark.OpenEditorAsync(page);
        await page.EvaluateAsync("text => window.iometeSql.setText(text)", TenThousandRows);
        var stopwatch = Stopwatch.StartNew();
        await page.GetByTestId("sql-run").ClickAsync();
        await Assertions.Expect(page.GetByTestId("sql-row-count")).ToContainTextAsync(new System.Text.RegularExpressions.Regex("10,?000"), new() { Timeout = 60_000 });
        await page.Locator("[data-testid=sql-results] tbody tr").First.WaitForAsync();
        var renderMs = stopwatch.Elapsed.TotalMilliseconds;
        var scroll = await ScrollAsync(page, "[data-testid=sql-results]");
        await page.Context.CloseAsync();
        return new GridSample(renderMs, scroll);
    }

    private static async Task<GridSample> PlainAsync(IBrowser browser)
    {
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1440, Height = 900 } });
        var page = await context.NewPageAsync();
        await page.SetContentAsync("<!DOCTYPE html><html><body></body></html>");
        var renderMs = await page.EvaluateAsync<double>(PlainTableScript);
        var scroll = await ScrollAsync(page, "#grid");
        await context.CloseAsync();
        return new GridSample(renderMs, scroll);
    }

    private static async Task<ScrollStats> ScrollAsync(IPage page, string selector)
    {
        var result = await page.EvaluateAsync<JsonElement>(ScrollScript, selector);
        return new ScrollStats(result.GetProperty("frames").GetDouble(), result.GetProperty("avg").GetDouble(), result.GetProperty("p95").GetDouble(),
            result.GetProperty("long").GetDouble(), result.GetProperty("rows").GetDouble());
    }

    private sealed record ScrollStats(double Frames, double Avg, double P95, double Long, double Rows);

    private sealed record GridSample(double RenderMs, ScrollStats Scroll);
}
