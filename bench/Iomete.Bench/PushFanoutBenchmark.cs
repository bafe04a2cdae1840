using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Iomete.Platform.Messaging;

namespace Iomete.Bench;

/// <summary>
/// Push fan-out (issue 9): N clients hold <c>GET /api/v1/push/events</c> open on one local platform; a health event is
/// published on the platform's bus and timed until the last client has read its frame. The whole path counts: the bus,
/// the subscription's CloudEvent delivery, the durable log append, the tail, the visibility decision per connection,
/// the write and the client's parse. Baselines in the same run: the same platform with one client, and a bare Kestrel
/// SSE broadcast to N clients (no bus, no log, no visibility).
/// </summary>
internal static class PushFanoutBenchmark
{
    public const int Clients = 1000;
    public const int Events = 20;
    private const int Warmup = 3;

    public static async Task<string> RunAsync(BenchOptions options)
    {
        _ = options;
        Fanout one, many, raw;
        await using (var platform = await BenchPlatform.StartAsync())
        {
            one = await MeasurePlatformAsync(platform, 1);
            many = await MeasurePlatformAsync(platform, Clients);
        }
        raw = await RawSseHost.MeasureAsync(Clients, Events, Warmup);
        return Report(one, many, raw);
    }

    private static async Task<Fanout> MeasurePlatformAsync(BenchPlatform platform, int clients)
    {
        using var http = SseListeners.NewClient(platform.Address);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", platform.Token);
        await using var listeners = await SseListeners.ConnectAsync(http, "/api/v1/push/events?topics=health", clients);
        var bus = platform.Services.GetRequiredService<IEventBus>();
        return await listeners.TimeAsync(Events, Warmup, tag =>
            bus.PublishAsync(PlatformTopics.Health, new HealthStatusChanged(tag, "OPERATIONAL", "OUTAGE", "bench", DateTimeOffset.UtcNow), CancellationToken.None));
    }

    private static string Report(Fanout one, Fanout many, Fanout raw)
    {
        static string Ms(double v) => v.ToString("0.0", CultureInfo.InvariantCulture) + " ms";
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"### Push fan-out (issue 9) — {Clients:N0} SSE clients, {Events} events, {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd}");
        sb.AppendLine();
        sb.AppendLine("Time from publishing a `HealthStatusChanged` on the platform's bus to the first and to the last client having read its frame (clients are admins holding `GET /api/v1/push/events?topics=health`, in the same process as the platform).");
        sb.AppendLine();
        sb.AppendLine("| setup | clients | first client p50 | last client p50 | last client p99 | last client max |");
        sb.AppendLine("|---|---:|---:|---:|---:|---:|");
        foreach (var (name, f) in new[] { ("platform, 1 client (baseline)", one), ("platform", many), ("bare Kestrel SSE broadcast (baseline)", raw) })
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"| {name} | {f.Clients:N0} | {Ms(f.First.P50)} | {Ms(f.Last.P50)} | {Ms(f.Last.P99)} | {Ms(f.Last.Max)} |");
        }
        sb.AppendLine();
        var goal = many.Last.P99 <= 100 ? "met" : "not met";
        sb.AppendLine(CultureInfo.InvariantCulture,
            $"Goal: last client p99 ≤ 100 ms for {Clients:N0} clients: **{goal}** ({Ms(many.Last.P99)}). Ratios (last client p50): platform {Clients:N0} / platform 1 = {many.Last.P50 / one.Last.P50:0.0}x; platform {Clients:N0} / bare Kestrel {Clients:N0} = {many.Last.P50 / raw.Last.P50:0.0}x.");
        sb.AppendLine();
        sb.AppendLine("The 1-client run is the pipeline's own latency (bus, CloudEvent delivery over loopback, log append, in-process wake-up, log read); the bare Kestrel run is the cost of writing one frame to every socket and reading it back on the same cores. Run with `dotnet run -c Release --project bench/Iomete.Bench -- push-fanout --write $PWD/docs/benchmarks.md` (raise `ulimit -n` above 4,096).");
        return sb.ToString();
    }
}

internal sealed record Percentiles(double P50, double P99, double Max)
{
    public static Percentiles Of(IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToList();
        double At(double q) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)];
        return new Percentiles(At(0.5), At(0.99), sorted[^1]);
    }
}

internal sealed record Fanout(int Clients, Percentiles First, Percentiles Last);
