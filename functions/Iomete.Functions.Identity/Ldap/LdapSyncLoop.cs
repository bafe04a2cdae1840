using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Iomete.Functions.Identity.Ldap;

/// <summary>
/// The periodic sync: every few seconds each replica asks whether a run is due; the database lease lets exactly one
/// of them run it, at the configured syncIntervalSeconds after the previous run.
/// </summary>
internal sealed partial class LdapSyncLoop(IServiceProvider services, ILogger<LdapSyncLoop> logger) : BackgroundService
{
    private static readonly TimeSpan Poll = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var runner = services.GetRequiredService<LdapSyncRunner>();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(Poll, stoppingToken);
                await runner.RunIfDueAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The database may be briefly unavailable; the next poll tries again.
                LogPollFailed(logger, ex);
            }
        }
    }

    [LoggerMessage(EventId = 3105, Level = LogLevel.Warning, Message = "LDAP periodic sync check failed")]
    private static partial void LogPollFailed(ILogger logger, Exception exception);
}
