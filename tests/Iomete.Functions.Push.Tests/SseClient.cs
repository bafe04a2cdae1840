using System.Net;
using System.Text;
using System.Threading.Channels;

namespace Iomete.Functions.Push.Tests;

/// <summary>One frame as read off the wire: its raw lines and the fields they set.</summary>
public sealed record SseFrame(IReadOnlyList<string> Lines, string? Id, string? Event, string? Data, string? Comment, int? Retry)
{
    public bool IsEvent => Data is not null;
}

/// <summary>
/// A real HTTP client reading <c>GET /api/v1/push/events</c> line by line (the WHATWG parsing rules, kept simple: one
/// <c>data:</c> line per frame is what the server sends), so tests see exactly what crossed the wire.
/// </summary>
public sealed class SseClient : IAsyncDisposable
{
    // Generous: CI runs every test assembly at once on two cores, and the in-process bus delivers one event at a time.
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(40);

    private readonly HttpResponseMessage response;
    private readonly CancellationTokenSource stop = new();
    private readonly Channel<SseFrame> frames = Channel.CreateUnbounded<SseFrame>();
    private readonly Task pump;

    private SseClient(HttpResponseMessage response, System.IO.Stream body)
    {
        this.response = response;
        pump = Task.Run(() => PumpAsync(body));
    }

    public HttpResponseMessage Response => response;

    /// <summary>Set once the server ended the stream.</summary>
    public bool Ended => frames.Reader.Completion.IsCompleted;

    public static async Task<SseClient> ConnectAsync(HttpClient http, string query = "", string? lastEventId = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/push/events" + query);
        request.Headers.Accept.ParseAdd("text/event-stream");
        if (lastEventId is not null)
        {
            request.Headers.TryAddWithoutValidation("Last-Event-ID", lastEventId);
        }
        var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            var text = await response.Content.ReadAsStringAsync();
            response.Dispose();
            throw new InvalidOperationException($"The stream answered {(int)response.StatusCode}: {text}");
        }
        return new SseClient(response, await response.Content.ReadAsStreamAsync());
    }

    /// <summary>The next frame of any kind (comments and the retry hint included).</summary>
    public async Task<SseFrame> NextFrameAsync(TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? DefaultTimeout);
        try
        {
            return await frames.Reader.ReadAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException("No frame arrived in time.");
        }
        catch (ChannelClosedException)
        {
            throw new EndOfStreamException("The server ended the stream.");
        }
    }

    /// <summary>The next dispatched event (frames with data), skipping comments and the retry hint.</summary>
    public async Task<SseFrame> NextEventAsync(TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? DefaultTimeout);
        while (true)
        {
            var left = deadline - DateTime.UtcNow;
            var frame = await NextFrameAsync(left > TimeSpan.Zero ? left : TimeSpan.FromMilliseconds(1));
            if (frame.IsEvent)
            {
                return frame;
            }
        }
    }

    /// <summary>Waits for the <c>ready</c> event (after any catch-up) and returns what came before it.</summary>
    public async Task<(SseFrame Ready, IReadOnlyList<SseFrame> Before)> ReadyAsync()
    {
        var before = new List<SseFrame>();
        while (true)
        {
            var frame = await NextEventAsync();
            if (frame.Event == "ready")
            {
                return (frame, before);
            }
            before.Add(frame);
        }
    }

    /// <summary>Waits until the server ends the stream; returns the events that came before.</summary>
    public async Task<IReadOnlyList<SseFrame>> UntilEndAsync(TimeSpan timeout)
    {
        var seen = new List<SseFrame>();
        using var cts = new CancellationTokenSource(timeout);
        await foreach (var frame in frames.Reader.ReadAllAsync(cts.Token))
        {
            seen.Add(frame);
        }
        return seen;
    }

    private async Task PumpAsync(System.IO.Stream body)
    {
        try
        {
            using var reader = new StreamReader(body, Encoding.UTF8);
            var lines = new List<string>();
            while (await reader.ReadLineAsync(stop.Token) is { } line)
            {
                if (line.Length > 0)
                {
                    lines.Add(line);
                    continue;
                }
                if (lines.Count > 0)
                {
                    await frames.Writer.WriteAsync(Parse(lines), stop.Token);
                    lines = [];
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or HttpRequestException or ObjectDisposedException)
        {
            // Closed by the test or the server.
        }
        finally
        {
            frames.Writer.TryComplete();
        }
    }

    private static SseFrame Parse(List<string> lines)
    {
        string? id = null, type = null, data = null, comment = null;
        int? retry = null;
        foreach (var line in lines)
        {
            if (line.StartsWith(':'))
            {
                comment = line[1..].TrimStart();
                continue;
            }
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            var field = colon < 0 ? line : line[..colon];
            var value = colon < 0 ? "" : line[(colon + 1)..];
            if (value.StartsWith(' '))
            {
                value = value[1..];
            }
            switch (field)
            {
                case "id": id = value; break;
                case "event": type = value; break;
                case "data": data = data is null ? value : data + "\n" + value; break;
                case "retry": retry = int.Parse(value, System.Globalization.CultureInfo.InvariantCulture); break;
            }
        }
        return new SseFrame(lines, id, type, data, comment, retry);
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        response.Dispose();
        await pump.ContinueWith(_ => { }, TaskScheduler.Default);
        stop.Dispose();
    }
}
