using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Iomete.Functions.Identity.Ldap;

public static class LdapRegistration
{
    /// <summary>LDAP: the configuration, sync (manual and periodic) and login by bind.</summary>
    public static IServiceCollection AddLdap(this IServiceCollection services)
    {
        services.TryAddSingleton<LdapConfigStore>();
        services.TryAddSingleton<LdapSyncStore>();
        services.TryAddSingleton<LdapSyncState>();
        services.TryAddSingleton<LdapGroupSyncer>();
        services.TryAddSingleton<LdapSync>();
        services.TryAddSingleton<LdapSyncRunner>();
        services.TryAddSingleton<LdapAuthenticator>();
        services.AddHostedService<LdapSyncLoop>();
        return services;
    }
}
