using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Iomete.Functions.Sql.Queries;

/// <summary>
/// Runs submitted queries in the background, at most <see cref="SqlOptions.MaxConcurrentQueries"/> at a time,
/// each in its own engine session with its own cancellation. On start it marks what a previous process left
/// unfinished as FAILED.
/// </summary>
public sealed partial class QueryRunner(
    QueryExecution execution, QueryStore store, IOptions<SqlOptions> options, ILogger<QueryRunner> logger) : BackgroundService
{
    private readonly Channel<QueryJob> _queue = Channel.CreateUnbounded<QueryJob>();
    private readonly ConcurrentDictionary<string, ActiveQuery> _active = new();
    private readonly ConcurrentDictionary<string, Task> _inflight = new();

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            var recovered = await store.RecoverInterruptedAsync(cancellationToken);
            if (recovered > 0)
            {
                LogRecovered(logger, recovered);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogRecoveryFailed(logger, ex);
        }
        await base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        _queue.Writer.TryComplete();
        await base.StopAsync(cancellationToken);
        await Task.WhenAll(_inflight.Values).WaitAsync(cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
    }

    /// <summary>Queues a query that is already recorded as SUBMITTED.</summary>
    public void Enqueue(QueryJob job)
    {
        _active[job.Id] = new ActiveQuery();
        if (!_queue.Writer.TryWrite(job))
        {
            _active.TryRemove(job.Id, out _);
            throw new InvalidOperationException("The SQL service is stopping and accepts no more queries.");
        }
    }

    /// <summary>Waits until the query finishes in this process or the timeout passes; false on timeout.</summary>
    public async Task<bool> WaitAsync(string id, TimeSpan timeout, CancellationToken ct)
    {
        if (!_active.TryGetValue(id, out var active))
        {
            return true;
        }
        try
        {
            await active.Done.Task.WaitAsync(timeout, ct);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    /// <summary>Interrupts the query's engine call; false when this process is not running it.</summary>
    public bool Cancel(string id)
    {
        if (!_active.TryGetValue(id, out var active))
        {
            return false;
        }
        try
        {
            active.Cancel.Cancel();
            return true;
        }
        catch (ObjectDisposedException)
        {
            return false;
        }
    }

    /// <summary>The engine's progress of a running query in [0, 1], when known.</summary>
    public double? Progress(string id) => _active.TryGetValue(id, out var active) ? active.Session?.Progress : null;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var slots = new SemaphoreSlim(options.Value.MaxConcurrentQueries);
        try
        {
            await foreach (var job in _queue.Reader.ReadAllAsync(stoppingToken))
            {
                await slots.WaitAsync(stoppingToken);
                if (!_active.TryGetValue(job.Id, out var active))
                {
                    slots.Release();
                    continue;
                }
                var run = Task.Run(async () =>
                {
                    try
                    {
                        await execution.RunAsync(job, active, stoppingToken);
                    }
                    catch (Exception ex)
                    {
                        LogRunFailed(logger, ex, job.Id);
                    }
                    finally
                    {
                        _active.TryRemove(job.Id, out _);
                        active.Done.TrySetResult();
                        slots.Release();
                    }
                }, CancellationToken.None);
                _inflight[job.Id] = run;
                _ = run.ContinueWith(_ => _inflight.TryRemove(job.Id, out Task? _), CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: queries still queued stay SUBMITTED and are marked interrupted on the next start.
        }
        await Task.WhenAll(_inflight.Values).ContinueWith(_ => { }, TaskScheduler.Default);
    }

    [LoggerMessage(EventId = 4103, Level = LogLevel.Error, Message = "Query {QueryId} could not be run or recorded")]
    private static partial void LogRunFailed(ILogger logger, Exception exception, string queryId);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Warning, Message = "Marked {Count} queries interrupted by a restart")]
    private static partial void LogRecovered(ILogger logger, int count);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Error, Message = "Could not mark queries interrupted by a restart")]
    private static partial void LogRecoveryFailed(ILogger logger, Exception exception);
}
