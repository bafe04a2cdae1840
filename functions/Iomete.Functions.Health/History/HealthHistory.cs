using Iomete.Functions.Health.Monitoring;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Iomete.Functions.Health.History;

/// <summary>
/// The 48-hour history as this process serves it: held in memory (so it is served while the metadata database is down),
/// loaded from the health database once it answers, and written back each round. Increments that could not be written
/// stay pending, merged per component and hour (so bounded by the 48-hour window), and go with the next write.
/// Assumes one health replica owns the history (see docs/health-checks.md).
/// </summary>
public sealed partial class HealthHistory(HealthHistoryStore store, TimeProvider clock, IOptions<HealthOptions> options, ILogger<HealthHistory> logger)
{
    private static readonly TimeSpan PurgeEvery = TimeSpan.FromMinutes(10);

    /// <summary>After a failed load, reads do not wait on the database again for this long.</summary>
    private static readonly TimeSpan LoadRetryPause = TimeSpan.FromSeconds(5);

    private readonly Lock _gate = new();
    private readonly SemaphoreSlim _loading = new(1, 1);
    private readonly Dictionary<(string, long), HourSamples> _hours = [];
    private readonly Dictionary<(string, long), HourSamples> _pending = [];
    private bool _loaded;
    private DateTimeOffset _lastLoadFailure = DateTimeOffset.MinValue;
    private DateTimeOffset _lastPurge = DateTimeOffset.MinValue;

    public bool Loaded
    {
        get
        {
            lock (_gate)
            {
                return _loaded;
            }
        }
    }

    /// <summary>The samples of one component within the window.</summary>
    public IReadOnlyList<HourSamples> For(string component)
    {
        var first = HourlyBars.WindowStart(clock.GetUtcNow());
        lock (_gate)
        {
            return [.. _hours.Values.Where(h => h.Component == component && h.HourMs >= first)];
        }
    }

    /// <summary>Counts one sample in memory and for the next write.</summary>
    public void Record(string component, DateTimeOffset at, bool failed, TimeSpan weight)
    {
        var ms = (long)weight.TotalMilliseconds;
        var increment = new HourSamples(component, HourlyBars.HourStart(at), 1, failed ? 1 : 0, ms, failed ? ms : 0);
        lock (_gate)
        {
            Merge(_hours, increment);
            Merge(_pending, increment);
        }
    }

    /// <summary>Loads what the database holds, once; false while it cannot be read (memory keeps serving).</summary>
    public async Task<IReadOnlyList<ComponentStatus>?> TryLoadAsync(CancellationToken ct)
    {
        if (Loaded)
        {
            return null;
        }
        await _loading.WaitAsync(ct);
        try
        {
            if (Loaded || clock.GetUtcNow() - _lastLoadFailure < LoadRetryPause)
            {
                return null;
            }
            using var deadline = Deadline(ct);
            var hours = await store.LoadHoursAsync(HourlyBars.WindowStart(clock.GetUtcNow()), deadline.Token);
            var statuses = await store.LoadStatusAsync(deadline.Token);
            lock (_gate)
            {
                // Memory so far holds only what is still pending; the database holds everything written before.
                _hours.Clear();
                foreach (var hour in hours.Concat(_pending.Values))
                {
                    Merge(_hours, hour);
                }
                _loaded = true;
            }
            return statuses;
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            _lastLoadFailure = clock.GetUtcNow();
            LogLoadFailed(logger, ex);
            return null;
        }
        finally
        {
            _loading.Release();
        }
    }

    /// <summary>Writes pending increments and the statuses; on failure they stay pending for the next round.</summary>
    public async Task<bool> FlushAsync(IReadOnlyCollection<ComponentStatus> statuses, CancellationToken ct)
    {
        // Not while a load reads the database and the pending increments, or a batch could be in neither.
        await _loading.WaitAsync(ct);
        try
        {
            return await WriteAsync(statuses, ct);
        }
        finally
        {
            _loading.Release();
        }
    }

    private async Task<bool> WriteAsync(IReadOnlyCollection<ComponentStatus> statuses, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var first = HourlyBars.WindowStart(now);
        List<HourSamples> batch;
        lock (_gate)
        {
            foreach (var stale in _hours.Keys.Where(k => k.Item2 < first).ToList())
            {
                _hours.Remove(stale);
            }
            foreach (var stale in _pending.Keys.Where(k => k.Item2 < first).ToList())
            {
                _pending.Remove(stale);
            }
            batch = [.. _pending.Values];
            _pending.Clear();
        }
        try
        {
            using var deadline = Deadline(ct);
            await store.WriteAsync(batch, statuses, deadline.Token);
            if (now - _lastPurge >= PurgeEvery)
            {
                await store.PurgeAsync(first, deadline.Token);
                _lastPurge = now;
            }
            return true;
        }
        catch (Exception ex) when (!ct.IsCancellationRequested)
        {
            lock (_gate)
            {
                foreach (var increment in batch)
                {
                    Merge(_pending, increment);
                }
            }
            LogWriteFailed(logger, ex, batch.Count);
            return false;
        }
    }

    public int PendingCount
    {
        get
        {
            lock (_gate)
            {
                return _pending.Count;
            }
        }
    }

    private CancellationTokenSource Deadline(CancellationToken ct)
    {
        var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(options.Value.WriteTimeout);
        return deadline;
    }

    private static void Merge(Dictionary<(string, long), HourSamples> into, HourSamples increment)
    {
        var key = (increment.Component, increment.HourMs);
        into[key] = into.TryGetValue(key, out var existing) ? existing.Add(increment) : increment;
    }

    [LoggerMessage(EventId = 9101, Level = LogLevel.Warning, Message = "Health history could not be loaded; serving what this process has seen")]
    private static partial void LogLoadFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 9102, Level = LogLevel.Warning, Message = "Health history could not be written; {Count} hourly increments kept for the next round")]
    private static partial void LogWriteFailed(ILogger logger, Exception exception, int count);
}
