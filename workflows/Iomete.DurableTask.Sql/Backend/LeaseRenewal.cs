using Microsoft.Extensions.Logging;

namespace Iomete.DurableTask.Sql.Backend;

/// <summary>
/// Extends every lease this process holds, periodically, until stopped: the sidecar's dispatchers do not renew
/// on their own, and an activity may run longer than one lease. A stopped (or crashed) process stops renewing,
/// so its work items expire and another worker takes them.
/// </summary>
internal sealed class LeaseRenewal(TimeSpan period, Func<CancellationToken, Task<int>> renewAll, ILogger log)
{
    private readonly object _gate = new();
    private CancellationTokenSource? _stop;
    private Task? _loop;

    public void Start()
    {
        lock (_gate)
        {
            if (_loop is not null)
            {
                return;
            }
            _stop = new CancellationTokenSource();
            var token = _stop.Token;
            _loop = Task.Run(() => RunAsync(token), CancellationToken.None);
        }
    }

    public async Task StopAsync()
    {
        Task? loop;
        CancellationTokenSource? stop;
        lock (_gate)
        {
            loop = _loop;
            stop = _stop;
            _loop = null;
            _stop = null;
        }
        if (stop is null || loop is null)
        {
            return;
        }
        await stop.CancelAsync();
        try
        {
            await loop;
        }
        catch (OperationCanceledException)
        {
            // Stopped while renewing.
        }
        stop.Dispose();
    }

    private async Task RunAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(period);
        while (await timer.WaitForNextTickAsync(ct))
        {
            try
            {
                await renewAll(ct);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                Log.RenewFailed(log, ex, -1);
            }
        }
    }
}
