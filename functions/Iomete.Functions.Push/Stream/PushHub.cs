using Iomete.Functions.Push.Log;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Iomete.Functions.Push.Stream;

/// <summary>
/// One per replica: tails the push log while this replica has connections (every <see cref="PushOptions.PollInterval"/>,
/// at once when an event was appended here) and offers each new event to every connection. Dapr delivers an event to
/// one replica only; the log is how the others learn of it.
/// </summary>
public sealed partial class PushHub(PushLog log, IOptions<PushOptions> options, ILogger<PushHub> logger) : IHostedService, IDisposable
{
    private const int BatchSize = 500;

    private readonly Lock gate = new();
    private const int MaxRememberedTransient = 1000;

    private readonly HashSet<PushConnection> connections = [];
    private readonly HashSet<string> offeredTransient = [];
    private readonly Queue<string> offeredOrder = new();
    private readonly SemaphoreSlim wake = new(0, 1);
    private readonly SemaphoreSlim starting = new(1, 1);
    private readonly CancellationTokenSource stopping = new();
    private Task? tailer;
    private long cursor;

    public int Count
    {
        get
        {
            lock (gate)
            {
                return connections.Count;
            }
        }
    }

    /// <summary>
    /// Adds a connection; it is offered every event after the returned sequence (the events up to it are in the log,
    /// committed, for its catch-up).
    /// </summary>
    public async Task<long> AttachAsync(PushConnection connection, CancellationToken ct)
    {
        await StartTailingAsync(ct);
        // While nobody listens the tail stands still; the first new listener starts from now, not from then.
        var newest = Count == 0 ? (await log.BoundsAsync(ct)).Newest : 0;
        lock (gate)
        {
            if (connections.Count == 0)
            {
                cursor = Math.Max(cursor, newest);
            }
            if (connections.Count >= options.Value.MaxConnections)
            {
                throw new Platform.Errors.TooManyRequestsException(
                    $"This replica already serves {connections.Count} push streams; retry later.", Math.Max(1, options.Value.RetryMilliseconds / 1000));
            }
            connections.Add(connection);
            return cursor;
        }
    }

    public void Detach(PushConnection connection)
    {
        lock (gate)
        {
            connections.Remove(connection);
        }
    }

    /// <summary>Offers an event that could not be logged to this replica's connections at once (see <see cref="PushEvent.TransientSeq"/>).</summary>
    /// <param name="eventId">The CloudEvent id: a redelivery of an event already offered is not offered again.</param>
    public void OfferTransient(string eventId, PushEvent e)
    {
        PushConnection[] targets;
        lock (gate)
        {
            if (!offeredTransient.Add(eventId))
            {
                return;
            }
            offeredOrder.Enqueue(eventId);
            if (offeredOrder.Count > MaxRememberedTransient)
            {
                offeredTransient.Remove(offeredOrder.Dequeue());
            }
            targets = [.. connections];
        }
        foreach (var connection in targets)
        {
            connection.Offer([e]);
        }
    }

    /// <summary>An event was appended by this replica: look now rather than at the next poll.</summary>
    public void Wake()
    {
        if (wake.CurrentCount == 0)
        {
            try
            {
                wake.Release();
            }
            catch (SemaphoreFullException)
            {
                // Another append woke it first.
            }
        }
    }

    private async Task StartTailingAsync(CancellationToken ct)
    {
        if (tailer is not null)
        {
            return;
        }
        await starting.WaitAsync(ct);
        try
        {
            if (tailer is null)
            {
                cursor = (await log.BoundsAsync(ct)).Newest;
                tailer = Task.Run(() => TailAsync(stopping.Token), CancellationToken.None);
            }
        }
        finally
        {
            starting.Release();
        }
    }

    private async Task TailAsync(CancellationToken ct)
    {
        long? seenMark = null;
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await wake.WaitAsync(options.Value.PollInterval, ct);
                if (Count == 0)
                {
                    continue;
                }
                // On the embedded engine an unchanged signal means nothing was appended by any process: skip the query.
                var mark = log.ChangeMark;
                if (mark is not null && mark == seenMark)
                {
                    continue;
                }
                seenMark = mark;
                await DispatchNewAsync(ct);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                seenMark = null;
                LogTailFailed(logger, ex);
                await Task.Delay(options.Value.PollInterval, ct).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    private async Task DispatchNewAsync(CancellationToken ct)
    {
        while (true)
        {
            var batch = await log.ReadAfterAsync(Volatile.Read(ref cursor), BatchSize, ct);
            if (batch.Count == 0)
            {
                return;
            }
            PushConnection[] targets;
            lock (gate)
            {
                // Moving the cursor and taking the targets together: a connection attached later replays this batch from the log.
                cursor = Math.Max(cursor, batch[^1].Seq);
                targets = [.. connections];
            }
            foreach (var connection in targets)
            {
                connection.Offer(batch);
            }
            if (batch.Count < BatchSize)
            {
                return;
            }
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await stopping.CancelAsync();
        PushConnection[] open;
        lock (gate)
        {
            open = [.. connections];
        }
        foreach (var connection in open)
        {
            connection.Close();
        }
        if (tailer is not null)
        {
            await tailer.WaitAsync(cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    public void Dispose()
    {
        stopping.Dispose();
        wake.Dispose();
        starting.Dispose();
    }

    [LoggerMessage(EventId = 9101, Level = LogLevel.Warning, Message = "Reading the push log failed; retrying at the next poll")]
    private static partial void LogTailFailed(ILogger logger, Exception exception);
}
