using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Iomete.Functions.Identity.Bootstrap;

/// <summary>
/// Runs the bootstrap at start, so the admin can log in as soon as the host listens. When the
/// database is not reachable yet, the host still starts and the bootstrap retries in the background.
/// </summary>
internal sealed partial class BootstrapService(AdminBootstrap bootstrap, ILogger<BootstrapService> logger) : IHostedService, IDisposable
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(5);
    private readonly CancellationTokenSource _stopping = new();
    private Task? _retries;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await bootstrap.EnsureAdminAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException && !IsConfigurationError(ex))
        {
            LogRetrying(logger, ex, RetryDelay.TotalSeconds);
            _retries = RetryAsync(_stopping.Token);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        if (_retries is not null)
        {
            try
            {
                await _retries.WaitAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                // The host stopped waiting; the retry loop ends on its own with _stopping.
            }
        }
    }

    public void Dispose() => _stopping.Dispose();

    private async Task RetryAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(RetryDelay, ct);
                await bootstrap.EnsureAdminAsync(ct);
                return;
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogRetrying(logger, ex, RetryDelay.TotalSeconds);
            }
        }
    }

    // A bad configured password is an operator error: fail the start rather than retry forever.
    private static bool IsConfigurationError(Exception ex) => ex is Platform.Errors.ValidationException;

    [LoggerMessage(EventId = 3003, Level = LogLevel.Error, Message = "Identity bootstrap failed; retrying in {Seconds} s")]
    private static partial void LogRetrying(ILogger logger, Exception exception, double seconds);
}
