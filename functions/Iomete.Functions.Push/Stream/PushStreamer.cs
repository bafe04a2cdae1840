using System.Text.Json;
using Iomete.DataSecurity.Decisions;
using Iomete.Functions.Push.Log;
using Iomete.Functions.Push.Visibility;
using Iomete.Platform.Errors;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Iomete.Functions.Push.Stream;

/// <summary>
/// Serves one Server-Sent Events stream: the <c>retry:</c> hint, the catch-up after <c>Last-Event-ID</c> (or a
/// <c>reset</c> when it is older than the log), a <c>ready</c> event, then live events the caller may see, a comment
/// heartbeat, and a periodic check of the caller's token that ends the stream once it is revoked or expired.
/// </summary>
public sealed partial class PushStreamer(
    PushLog log,
    PushHub hub,
    ICallerAccessor callers,
    IAccessControl access,
    IDataAccessDecider decider,
    TimeProvider clock,
    IOptions<PushOptions> options,
    IHostApplicationLifetime lifetime,
    ILogger<PushStreamer> logger)
{
    private const int CatchUpBatch = 500;
    private static readonly string[] CredentialHeaders = ["Authorization", "X-API-Token", "Cookie"];
    private static readonly byte[] Heartbeat = SseFrames.Comment("heartbeat");
    private static readonly byte[] TooSlow = SseFrames.Comment("too far behind: reconnect with Last-Event-ID to catch up");

    /// <summary>Attaches before anything is written, so that a full replica still answers 429 as problem+json.</summary>
    public async Task<PushConnection> AttachAsync(IReadOnlySet<string> types, CancellationToken ct)
    {
        var connection = new PushConnection(types, options.Value.ConnectionBuffer);
        connection.Start = await hub.AttachAsync(connection, ct);
        return connection;
    }

    public async Task RunAsync(HttpContext context, Caller caller, PushConnection connection, long? lastEventId)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
        var ct = linked.Token;
        try
        {
            var response = context.Response;
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = "text/event-stream; charset=utf-8";
            response.Headers.CacheControl = "no-cache, no-transform";
            response.Headers["X-Accel-Buffering"] = "no";
            context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();
            var body = response.Body;
            var visibility = new ConnectionVisibility(caller, access, decider, clock, options.Value.DecisionTtl);

            await body.WriteAsync(SseFrames.Retry(options.Value.RetryMilliseconds), ct);
            var position = lastEventId is { } last
                ? await CatchUpAsync(body, connection, visibility, last, ct)
                : connection.Start;
            await body.WriteAsync(Control(position, PushEventTypes.Ready, new ReadyData(position, [.. connection.Types.Order(StringComparer.Ordinal)])), ct);
            await body.FlushAsync(ct);
            await LiveAsync(context, body, connection, visibility, position, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The client went away or the replica is stopping: the client reconnects with its Last-Event-ID.
        }
        catch (IOException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The connection was reset while writing.
        }
        finally
        {
            hub.Detach(connection);
        }
    }

    private async Task<long> CatchUpAsync(System.IO.Stream body, PushConnection connection, ConnectionVisibility visibility, long last, CancellationToken ct)
    {
        var bounds = await log.BoundsAsync(ct);
        var unknown = last > bounds.Newest;
        if (unknown || bounds.Oldest > last + 1)
        {
            var reason = unknown ? "UNKNOWN_EVENT_ID" : "EXPIRED";
            await body.WriteAsync(Control(connection.Start, PushEventTypes.Reset, new ResetData(reason, last, bounds.Oldest)), ct);
            return connection.Start;
        }
        var position = last;
        while (true)
        {
            var batch = await log.ReadAfterAsync(position, CatchUpBatch, ct);
            foreach (var e in batch)
            {
                position = e.Seq;
                if (connection.Wants(e) && await visibility.AllowsAsync(e.Audience, ct))
                {
                    await body.WriteAsync(e.Frame, ct);
                }
            }
            if (batch.Count < CatchUpBatch)
            {
                // Everything up to the hub's cursor at attach time is committed, so this reached at least that far.
                return Math.Max(position, connection.Start);
            }
        }
    }

    private async Task LiveAsync(HttpContext context, System.IO.Stream body, PushConnection connection, ConnectionVisibility visibility, long position, CancellationToken ct)
    {
        var heartbeatEvery = options.Value.HeartbeatInterval;
        var recheckEvery = options.Value.CallerRecheckInterval;
        var nextHeartbeat = clock.GetUtcNow() + heartbeatEvery;
        var nextRecheck = clock.GetUtcNow() + recheckEvery;
        var reader = connection.Events;
        while (true)
        {
            var due = (nextHeartbeat < nextRecheck ? nextHeartbeat : nextRecheck) - clock.GetUtcNow();
            if (!await WaitAsync(reader, due, ct))
            {
                if (connection.Overflowed)
                {
                    await body.WriteAsync(TooSlow, ct);
                }
                await body.FlushAsync(ct);
                return;
            }
            var wrote = false;
            while (reader.TryRead(out var e))
            {
                if (!e.IsTransient)
                {
                    if (e.Seq <= position)
                    {
                        continue;
                    }
                    position = e.Seq;
                }
                if (await visibility.AllowsAsync(e.Audience, ct))
                {
                    await body.WriteAsync(e.Frame, ct);
                    wrote = true;
                }
            }
            var now = clock.GetUtcNow();
            if (now >= nextHeartbeat)
            {
                await body.WriteAsync(Heartbeat, ct);
                nextHeartbeat = now + heartbeatEvery;
                wrote = true;
            }
            if (wrote)
            {
                await body.FlushAsync(ct);
            }
            if (now >= nextRecheck)
            {
                nextRecheck = now + recheckEvery;
                var refreshed = await RecheckAsync(context, visibility.Caller, ct);
                if (refreshed is null)
                {
                    await body.WriteAsync(Control(null, PushEventTypes.Closed, new ClosedData("UNAUTHORIZED")), ct);
                    await body.FlushAsync(ct);
                    return;
                }
                visibility.Refresh(refreshed);
            }
        }
    }

    /// <summary>True when events may be read or a timer is due; false when the queue completed (overflow or shutdown).</summary>
    private static async Task<bool> WaitAsync(System.Threading.Channels.ChannelReader<PushEvent> reader, TimeSpan due, CancellationToken ct)
    {
        if (due <= TimeSpan.Zero)
        {
            return !reader.Completion.IsCompleted || reader.Count > 0;
        }
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timer.CancelAfter(due);
        try
        {
            return await reader.WaitToReadAsync(timer.Token);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return true;
        }
    }

    /// <summary>Resolves the stream's credentials again, as a fresh request would; null once they no longer authenticate.</summary>
    private async Task<Caller?> RecheckAsync(HttpContext context, Caller current, CancellationToken ct)
    {
        var probe = new DefaultHttpContext { RequestServices = context.RequestServices };
        probe.Request.Method = HttpMethods.Get;
        probe.Request.Path = context.Request.Path;
        foreach (var name in CredentialHeaders)
        {
            if (context.Request.Headers.TryGetValue(name, out var value))
            {
                probe.Request.Headers[name] = value;
            }
        }
        try
        {
            return await callers.RequireAsync(probe.Request, ct);
        }
        catch (UnauthorizedException)
        {
            return null;
        }
        catch (TooManyRequestsException)
        {
            // The token's own rate limit: still valid, check again next time.
            return current;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The identity store did not answer: keep the stream, check again next time.
            LogRecheckFailed(logger, ex);
            return current;
        }
    }

    [LoggerMessage(EventId = 9102, Level = LogLevel.Warning, Message = "Checking a push stream's token again failed; the stream stays open")]
    private static partial void LogRecheckFailed(ILogger logger, Exception exception);

    private static byte[] Control<T>(long? id, string type, T data)
    {
        var json = JsonSerializer.Serialize(data, Json.Options);
        return id is { } seq
            ? SseFrames.Event(seq, type, json)
            : System.Text.Encoding.UTF8.GetBytes($"event: {type}\ndata: {json}\n\n");
    }
}

/// <param name="LastEventId">Where live delivery starts: the id to reconnect with if nothing else arrives.</param>
/// <param name="Types">The event types this stream carries.</param>
public sealed record ReadyData(long LastEventId, IReadOnlyList<string> Types);

/// <param name="Reason"><c>EXPIRED</c> (older than the log's retention) or <c>UNKNOWN_EVENT_ID</c> (newer than the log).</param>
public sealed record ResetData(string Reason, long LastEventId, long OldestEventId);

/// <param name="Reason"><c>UNAUTHORIZED</c>: the stream's token was revoked or expired.</param>
public sealed record ClosedData(string Reason);
