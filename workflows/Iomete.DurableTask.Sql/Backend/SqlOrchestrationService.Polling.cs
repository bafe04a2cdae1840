using System.Data.Common;

namespace Iomete.DurableTask.Sql.Backend;

public sealed partial class SqlOrchestrationService
{
    private static readonly TimeSpan MaxErrorBackoff = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Tries <paramref name="tryOnce"/> until it yields a work item or the timeout passes (null). Between tries it
    /// waits with exponential backoff up to the max polling interval, or less when this process enqueued work.
    /// </summary>
    private async Task<T?> PollAsync<T>(string kind, WorkSignal signal, Func<CancellationToken, Task<T?>> tryOnce, TimeSpan timeout, CancellationToken ct)
        where T : class
    {
        var deadline = timeout == Timeout.InfiniteTimeSpan || timeout <= TimeSpan.Zero
            ? DateTimeOffset.MaxValue
            : _time.GetUtcNow() + timeout;
        var delay = _settings.MinPollingInterval;
        var errorDelay = _settings.MaxPollingInterval;
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            var wake = signal.Current;
            try
            {
                if (await tryOnce(ct) is { } item)
                {
                    return item;
                }
            }
            catch (DbException ex)
            {
                Log.PollFailed(_log, ex, kind, (long)errorDelay.TotalMilliseconds);
                await Task.Delay(errorDelay, _time, ct);
                errorDelay = TimeSpan.FromTicks(Math.Min(errorDelay.Ticks * 2, MaxErrorBackoff.Ticks));
                continue;
            }
            errorDelay = _settings.MaxPollingInterval;
            var left = deadline - _time.GetUtcNow();
            if (left <= TimeSpan.Zero)
            {
                return null;
            }
            var wait = delay < left ? delay : left;
            var woken = await Task.WhenAny(wake, Task.Delay(wait, _time, ct)) == wake;
            ct.ThrowIfCancellationRequested();
            delay = woken
                ? _settings.MinPollingInterval
                : TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _settings.MaxPollingInterval.Ticks));
        }
    }
}
