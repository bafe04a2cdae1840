using Iomete.Functions.Identity.Access;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Iomete.Functions.Identity.Domains;

/// <summary>
/// Makes sure the <c>default</c> domain (owned by the user <c>admin</c>) and its DOMAIN bundle exist.
/// Insert-if-absent, so restarts and replicas starting together never duplicate it. Registered
/// after the admin bootstrap, which it relies on.
/// </summary>
internal sealed partial class DefaultDomainBootstrap(DomainStore domains, ActorDirectory directory, ILogger<DefaultDomainBootstrap> logger) : IHostedService
{
    public const string AdminUsername = "admin";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var existing = await domains.FindAsync(DomainRules.DefaultDomain, cancellationToken);
        if (existing is { BundleId: not null })
        {
            return;
        }
        var owner = existing?.Owners.FirstOrDefault();
        if (owner is null)
        {
            var admin = await directory.FindAsync(ActorType.User, AdminUsername, cancellationToken)
                ?? throw new InvalidOperationException($"The '{AdminUsername}' user must exist before the '{DomainRules.DefaultDomain}' domain is created.");
            owner = DomainOwner.Of(admin);
        }
        if (await domains.EnsureAsync(DomainRules.DefaultDomain, DomainRules.DefaultDomain, [owner], cancellationToken))
        {
            LogCreated(logger, DomainRules.DefaultDomain, AdminUsername);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(EventId = 2201, Level = LogLevel.Information, Message = "Created the {Domain} domain, owned by {Owner}")]
    private static partial void LogCreated(ILogger logger, string domain, string owner);
}
