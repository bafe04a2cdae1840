using Iomete.Functions.Identity.Access;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Iomete.Functions.Identity.Domains;

/// <summary>
/// Makes sure the <c>default</c> domain (owned by the user <c>admin</c>) and its DOMAIN bundle exist.
/// Insert-if-absent, so restarts and replicas starting together never duplicate it. Registered
/// after the admin bootstrap; when the admin or the database is not there yet, the host still
/// starts and this retries in the background.
/// </summary>
internal sealed partial class DefaultDomainBootstrap(DomainStore domains, ActorDirectory directory, ILogger<DefaultDomainBootstrap> logger)
    : IHostedService, IDisposable
{
    public const string AdminUsername = "admin";
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(2);
    private readonly CancellationTokenSource _stopping = new();
    private Task? _retries;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await EnsureAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
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
            await _retries.WaitAsync(cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    public void Dispose() => _stopping.Dispose();

    /// <summary>Creates the default domain unless it exists; repairs a missing DOMAIN bundle.</summary>
    public async Task EnsureAsync(CancellationToken ct)
    {
        var existing = await domains.FindAsync(DomainRules.DefaultDomain, ct);
        if (existing is { BundleId: not null })
        {
            return;
        }
        var owner = existing?.Owners.FirstOrDefault();
        if (owner is null)
        {
            var admin = await directory.FindAsync(ActorType.User, AdminUsername, ct)
                ?? throw new InvalidOperationException($"The '{AdminUsername}' user does not exist yet; the '{DomainRules.DefaultDomain}' domain waits for it.");
            owner = DomainOwner.Of(admin);
        }
        if (await domains.EnsureAsync(DomainRules.DefaultDomain, DomainRules.DefaultDomain, [owner], ct))
        {
            LogCreated(logger, DomainRules.DefaultDomain, AdminUsername);
        }
    }

    private async Task RetryAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(RetryDelay, ct);
                await EnsureAsync(ct);
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

    [LoggerMessage(EventId = 2201, Level = LogLevel.Information, Message = "Created the {Domain} domain, owned by {Owner}")]
    private static partial void LogCreated(ILogger logger, string domain, string owner);

    [LoggerMessage(EventId = 2202, Level = LogLevel.Warning, Message = "The default domain could not be ensured yet; retrying in {Seconds} s")]
    private static partial void LogRetrying(ILogger logger, Exception exception, double seconds);
}
