using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Iomete.Bench;

/// <summary>
/// Ingest traffic: pre-built event bodies (~200-byte events as NDJSON batches or single JSON objects), one HttpClient per
/// scenario, and a closed loop that counts refusals (429, 5xx, transport errors) instead of throwing.
/// </summary>
internal static class IngestLoad
{
    public const int EventBytes = 200;
    public const string Ndjson = "application/x-ndjson";
    public const string Json = "application/json";
    private const string Alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    private static readonly string[] Kinds = ["click", "page_view", "purchase", "signup", "add_to_cart", "search"];
    private static readonly DateTime Epoch = new(2026, 11, 28, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>What a closed loop got: acknowledged requests (their indices into the body cycle), latencies of all answers, refusals by status (0 = transport error).</summary>
    public sealed record Outcome(IReadOnlyList<long> Acked, double Seconds, double P50Ms, double P99Ms, IReadOnlyDictionary<int, long> Refused)
    {
        public long Requests => Acked.Count;

        public string RefusedText => Refused.Count == 0
            ? "none"
            : string.Join(", ", Refused.OrderBy(r => r.Key).Select(r => $"{(r.Key == 0 ? "transport error" : r.Key.ToString(CultureInfo.InvariantCulture))}: {r.Value}"));
    }

    /// <summary>One event as a JSON object of exactly <see cref="EventBytes"/> − 1 bytes (the payload pads it; ~110 characters).</summary>
    public static string Event(long id, Random random)
    {
        var ts = Epoch.AddMilliseconds(id % 86_400_000).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        var head = $"{{\"event_id\":{id},\"user_id\":{random.Next(1, 1_000_000)},\"kind\":\"{Kinds[random.Next(Kinds.Length)]}\",\"ts\":\"{ts}\",\"payload\":\"";
        var payload = new StringBuilder(EventBytes);
        for (var i = head.Length + 2; i < EventBytes - 1; i++)
        {
            payload.Append(Alphabet[random.Next(Alphabet.Length)]);
        }
        return head + payload + "\"}";
    }

    /// <summary>Bodies of <paramref name="events"/> NDJSON lines each (every line ends with '\n'), ids from <paramref name="firstId"/> on.</summary>
    public static byte[][] NdjsonBodies(int count, int events, long firstId, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(b =>
        {
            var text = new StringBuilder(events * EventBytes);
            for (var e = 0; e < events; e++)
            {
                text.Append(Event(firstId + (long)b * events + e, random)).Append('\n');
            }
            return Encoding.UTF8.GetBytes(text.ToString());
        })];
    }

    /// <summary>Single JSON objects, ids from <paramref name="firstId"/> on.</summary>
    public static byte[][] SingleBodies(int count, long firstId, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(i => Encoding.UTF8.GetBytes(Event(firstId + i, random)))];
    }

    /// <summary>A client for one scenario: up to <paramref name="connections"/> connections, IOMETE's bare-token <c>Authorization</c> and the <c>table</c> header.</summary>
    public static HttpClient Client(BenchPlatform platform, string table, int connections)
    {
        var handler = new SocketsHttpHandler { MaxConnectionsPerServer = connections, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
        var client = new HttpClient(handler) { BaseAddress = platform.Address, Timeout = TimeSpan.FromMinutes(2) };
        client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", platform.Token);
        client.DefaultRequestHeaders.Add("table", table);
        return client;
    }

    /// <summary>Posts one body; returns the status (0 on a transport error) and, for 429, how long to back off.</summary>
    public static async Task<(int Status, TimeSpan RetryAfter)> SendAsync(HttpClient client, string path, byte[] body, string contentType)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        try
        {
            using var response = await client.SendAsync(request);
            await response.Content.LoadIntoBufferAsync();
            var retryAfter = response.StatusCode == HttpStatusCode.TooManyRequests ? response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1) : TimeSpan.Zero;
            return ((int)response.StatusCode, retryAfter);
        }
        catch (HttpRequestException)
        {
            return (0, TimeSpan.Zero);
        }
    }

    /// <summary>
    /// Closed loop: <paramref name="concurrency"/> workers post the bodies in turn (cycling) back to back for
    /// <paramref name="duration"/>. A 429 makes its worker wait the Retry-After (at most 1 s) before it goes on.
    /// </summary>
    public static async Task<Outcome> ClosedLoopAsync(
        HttpClient client, string path, IReadOnlyList<byte[]> bodies, string contentType, int concurrency, TimeSpan duration)
    {
        var next = -1L;
        var acked = new List<long>[concurrency];
        var latencies = new List<double>[concurrency];
        var refused = new Dictionary<int, long>[concurrency];
        var stopwatch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async w =>
        {
            var mine = acked[w] = new List<long>(16_384);
            var times = latencies[w] = new List<double>(16_384);
            var failures = refused[w] = [];
            while (stopwatch.Elapsed < duration)
            {
                var index = Interlocked.Increment(ref next);
                var start = Stopwatch.GetTimestamp();
                var (status, retryAfter) = await SendAsync(client, path, bodies[(int)(index % bodies.Count)], contentType);
                times.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                if (status == 200)
                {
                    mine.Add(index);
                    continue;
                }
                failures[status] = failures.GetValueOrDefault(status) + 1;
                if (retryAfter > TimeSpan.Zero)
                {
                    await Task.Delay(retryAfter < TimeSpan.FromSeconds(1) ? retryAfter : TimeSpan.FromSeconds(1));
                }
            }
        }));
        var elapsed = stopwatch.Elapsed.TotalSeconds;
        var sorted = latencies.SelectMany(l => l).Order().ToArray();
        var refusals = refused.SelectMany(r => r).GroupBy(r => r.Key).ToDictionary(g => g.Key, g => g.Sum(r => r.Value));
        return new Outcome([.. acked.SelectMany(a => a).Order()], elapsed, Percentile(sorted, 0.50), Percentile(sorted, 0.99), refusals);
    }

    public static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, Math.Max(0, (int)Math.Ceiling(p * sorted.Length) - 1))];
}
