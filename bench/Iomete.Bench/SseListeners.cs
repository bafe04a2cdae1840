using System.Diagnostics;

namespace Iomete.Bench;

/// <summary>
/// Many open SSE streams read by raw lines: each reports the moment it reads the <c>data:</c> line carrying the tag of the
/// event being timed.
/// </summary>
internal sealed class SseListeners : IAsyncDisposable
{
    private readonly List<HttpResponseMessage> responses = [];
    private readonly List<Task> readers = [];
    private readonly CancellationTokenSource stop = new();
    private volatile string? tag;
    private long first;
    private long last;
    private int remaining;
    private int disposed;
    private TaskCompletionSource allRead = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int Count => responses.Count;

    public static HttpClient NewClient(Uri address) =>
        new(new SocketsHttpHandler { MaxConnectionsPerServer = int.MaxValue, PooledConnectionLifetime = Timeout.InfiniteTimeSpan })
        {
            BaseAddress = address,
            Timeout = Timeout.InfiniteTimeSpan,
        };

    /// <summary>Opens <paramref name="count"/> streams (50 at a time) and waits until each has read its first event.</summary>
    public static async Task<SseListeners> ConnectAsync(HttpClient http, string path, int count)
    {
        var listeners = new SseListeners();
        for (var done = 0; done < count;)
        {
            var batch = Math.Min(50, count - done);
            await Task.WhenAll(Enumerable.Range(0, batch).Select(_ => listeners.OpenAsync(http, path)));
            done += batch;
        }
        return listeners;
    }

    private async Task OpenAsync(HttpClient http, string path)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, stop.Token);
        response.EnsureSuccessStatusCode();
        var reader = new StreamReader(await response.Content.ReadAsStreamAsync(stop.Token));
        // The first event (the platform's "ready", the bare host's "hello") proves the stream is live.
        while (await reader.ReadLineAsync(stop.Token) is { } line && !line.StartsWith("data:", StringComparison.Ordinal))
        {
        }
        lock (responses)
        {
            responses.Add(response);
            readers.Add(Task.Run(() => ReadAsync(reader)));
        }
    }

    private async Task ReadAsync(StreamReader reader)
    {
        try
        {
            while (await reader.ReadLineAsync(stop.Token) is { } line)
            {
                if (tag is { } expected && line.StartsWith("data:", StringComparison.Ordinal) && line.Contains(expected, StringComparison.Ordinal))
                {
                    var now = Stopwatch.GetTimestamp();
                    Interlocked.CompareExchange(ref first, now, 0);
                    long seen;
                    do
                    {
                        seen = Interlocked.Read(ref last);
                    }
                    while (now > seen && Interlocked.CompareExchange(ref last, now, seen) != seen);
                    if (Interlocked.Decrement(ref remaining) == 0)
                    {
                        allRead.TrySetResult();
                    }
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or HttpRequestException or ObjectDisposedException)
        {
        }
    }

    /// <summary>Times <paramref name="events"/> events (after <paramref name="warmup"/> untimed ones), one at a time.</summary>
    public async Task<Fanout> TimeAsync(int events, int warmup, Func<string, Task> publish)
    {
        var firsts = new List<double>();
        var lasts = new List<double>();
        for (var i = 0; i < warmup + events; i++)
        {
            var next = $"fanout-{Guid.NewGuid():N}";
            Interlocked.Exchange(ref first, 0);
            Interlocked.Exchange(ref last, 0);
            allRead = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            Volatile.Write(ref remaining, Count);
            tag = next;
            var start = Stopwatch.GetTimestamp();
            await publish(next);
            await allRead.Task.WaitAsync(TimeSpan.FromSeconds(30));
            tag = null;
            if (i >= warmup)
            {
                firsts.Add(Stopwatch.GetElapsedTime(start, Interlocked.Read(ref first)).TotalMilliseconds);
                lasts.Add(Stopwatch.GetElapsedTime(start, Interlocked.Read(ref last)).TotalMilliseconds);
            }
            await Task.Delay(250);
        }
        return new Fanout(Count, Percentiles.Of(firsts), Percentiles.Of(lasts));
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref disposed, 1) == 1)
        {
            return;
        }
        await stop.CancelAsync();
        foreach (var response in responses)
        {
            response.Dispose();
        }
        await Task.WhenAll(readers).ContinueWith(_ => { }, TaskScheduler.Default);
        stop.Dispose();
    }
}
