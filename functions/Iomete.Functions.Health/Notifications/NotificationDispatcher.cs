using Iomete.Platform.Messaging;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Iomete.Functions.Health.Notifications;

/// <summary>
/// Delivers notified changes to the saved email recipients and webhooks. Each delivery runs on its own, a bounded number
/// at once, with a bounded number of attempts (backing off); a failure is logged and dropped after the last attempt.
/// </summary>
internal sealed partial class NotificationDispatcher(
    StatusNotifier notifier,
    NotificationSettingsStore settings,
    WebhookSender webhooks,
    HealthMail mail,
    TimeProvider clock,
    IOptions<HealthNotificationOptions> options,
    ILogger<NotificationDispatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var slots = new SemaphoreSlim(options.Value.MaxConcurrentDeliveries);
        var running = new List<Task>();
        try
        {
            await foreach (var change in notifier.Queue.ReadAllAsync(stoppingToken))
            {
                var targets = await settings.GetForDeliveryAsync(stoppingToken);
                var deliveries = targets.Webhooks
                    .Select(url => (Target: url, Send: (Func<CancellationToken, Task>)(ct => webhooks.SendAsync(url, change, ct))))
                    .ToList();
                if (targets.Emails.Count > 0)
                {
                    deliveries.Add(("email", ct => mail.SendAsync(targets.Emails, change, ct)));
                }
                foreach (var (target, send) in deliveries)
                {
                    await slots.WaitAsync(stoppingToken);
                    running.RemoveAll(t => t.IsCompleted);
                    running.Add(DeliverAsync(target, change, send, slots, stoppingToken));
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down: deliveries in flight end with the same token.
        }
        await Task.WhenAll(running);
    }

    private async Task DeliverAsync(string target, HealthStatusChanged change, Func<CancellationToken, Task> send, SemaphoreSlim slots, CancellationToken ct)
    {
        await Task.Yield();
        try
        {
            var attempts = options.Value.Attempts;
            var delay = options.Value.RetryDelay;
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await send(ct);
                    return;
                }
                catch (Exception ex) when (!ct.IsCancellationRequested && attempt < attempts)
                {
                    LogAttemptFailed(logger, ex, change.Component, Redact(target), attempt, attempts);
                    await Task.Delay(delay, clock, ct);
                    delay *= 2;
                }
                catch (Exception ex) when (!ct.IsCancellationRequested)
                {
                    LogGaveUp(logger, ex, change.Component, Redact(target), attempts);
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Shutting down.
        }
        finally
        {
            slots.Release();
        }
    }

    /// <summary>A webhook URL may carry a secret in its path or query: the log names the host only.</summary>
    private static string Redact(string target) =>
        Uri.TryCreate(target, UriKind.Absolute, out var uri) ? $"{uri.Scheme}://{uri.Authority}/…" : target;

    [LoggerMessage(EventId = 9301, Level = LogLevel.Warning, Message = "Health notification of {Component} to {Target} failed (attempt {Attempt} of {Attempts})")]
    private static partial void LogAttemptFailed(ILogger logger, Exception exception, string component, string target, int attempt, int attempts);

    [LoggerMessage(EventId = 9302, Level = LogLevel.Error, Message = "Health notification of {Component} to {Target} not delivered after {Attempts} attempts")]
    private static partial void LogGaveUp(ILogger logger, Exception exception, string component, string target, int attempts);
}
