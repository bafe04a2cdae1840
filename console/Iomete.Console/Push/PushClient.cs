using System.Globalization;
using System.Text.Json;
using Iomete.Console.Api;
using Microsoft.AspNetCore.Components.WebAssembly.Http;

namespace Iomete.Console.Push;

/// <summary>
/// The console's single connection to <c>GET /api/v1/push/events</c> (fetch streaming with the bearer token; the
/// browser's EventSource cannot send it). Pages subscribe by event type and refresh what they show; on reconnect
/// the stream resumes after the last id, and a <c>reset</c> (the log moved on) tells every page to reload.
/// </summary>
public sealed class PushClient(ApiClient api, ConsoleSession session) : IAsyncDisposable
{
    private readonly Dictionary<string, List<Func<PushMessage, Task>>> handlers = [];
    private readonly Lock gate = new();
    private CancellationTokenSource? running;
    private string? lastEventId;

    public PushStatus Status { get; private set; } = PushStatus.Off;

    public event Action? StatusChanged;

    /// <summary>Raised when events may have been missed (a <c>reset</c>): pages reload what they show.</summary>
    public event Func<Task>? Resynced;

    /// <summary>Calls <paramref name="handler"/> for each event of <paramref name="type"/> until the result is disposed.</summary>
    public IDisposable Subscribe(string type, Func<PushMessage, Task> handler)
    {
        lock (gate)
        {
            if (!handlers.TryGetValue(type, out var list))
            {
                handlers[type] = list = [];
            }
            list.Add(handler);
        }
        return new Subscription(() =>
        {
            lock (gate)
            {
                handlers[type].Remove(handler);
            }
        });
    }

    /// <summary>Opens the stream once signed in; calling it again while running does nothing.</summary>
    public void Start()
    {
        if (running is not null || !session.IsSignedIn)
        {
            return;
        }
        running = new CancellationTokenSource();
        _ = RunAsync(running.Token);
    }

    public void Stop()
    {
        running?.Cancel();
        running?.Dispose();
        running = null;
        SetStatus(PushStatus.Off);
    }

    private async Task RunAsync(CancellationToken ct)
    {
        var delay = TimeSpan.FromSeconds(1);
        SetStatus(PushStatus.Connecting);
        while (!ct.IsCancellationRequested && session.IsSignedIn)
        {
            try
            {
                await ReadStreamAsync(ct);
                delay = TimeSpan.FromSeconds(1);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is HttpRequestException or IOException or ApiProblemException or JsonException)
            {
                // Reconnect below with the last id.
            }
            SetStatus(PushStatus.Reconnecting);
            await Task.Delay(delay, ct).ContinueWith(_ => { }, TaskScheduler.Default);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(30).Ticks));
        }
    }

    private async Task ReadStreamAsync(CancellationToken ct)
    {
        using var response = await api.SendRawAsync(() =>
        {
            var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/push/events");
            request.Headers.Accept.ParseAdd("text/event-stream");
            if (lastEventId is not null)
            {
                request.Headers.TryAddWithoutValidation("Last-Event-ID", lastEventId);
            }
            request.SetBrowserResponseStreamingEnabled(true);
            return request;
        }, HttpCompletionOption.ResponseHeadersRead, ct);
        await using var body = await response.Content.ReadAsStreamAsync(ct);
        using var reader = new StreamReader(body);
        var parser = new SseParser();
        while (await reader.ReadLineAsync(ct) is { } line)
        {
            if (parser.Feed(line) is not { } e)
            {
                continue;
            }
            if (e.Id is not null)
            {
                lastEventId = e.Id;
            }
            switch (e.Type)
            {
                case "ready":
                    SetStatus(PushStatus.Live);
                    break;
                case "reset":
                    if (Resynced is { } resynced)
                    {
                        await resynced();
                    }
                    break;
                case "closed":
                    return;
                default:
                    await DispatchAsync(e);
                    break;
            }
        }
    }

    private async Task DispatchAsync(SseEvent e)
    {
        List<Func<PushMessage, Task>> targets;
        lock (gate)
        {
            targets = handlers.TryGetValue(e.Type, out var list) ? [.. list] : [];
        }
        if (targets.Count == 0)
        {
            return;
        }
        using var doc = JsonDocument.Parse(e.Data);
        var message = new PushMessage(e.Type, long.TryParse(e.Id, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null, doc.RootElement.Clone());
        foreach (var handler in targets)
        {
            await handler(message);
        }
    }

    private void SetStatus(PushStatus status)
    {
        if (Status != status)
        {
            Status = status;
            StatusChanged?.Invoke();
        }
    }

    public ValueTask DisposeAsync()
    {
        Stop();
        return ValueTask.CompletedTask;
    }

    private sealed class Subscription(Action dispose) : IDisposable
    {
        private Action? onDispose = dispose;

        public void Dispose()
        {
            onDispose?.Invoke();
            onDispose = null;
        }
    }
}
