using Iomete.Functions.Identity.Bundles;
using Iomete.Functions.Identity.Domains;
using Iomete.Platform.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Iomete.Functions.Identity.Access;

internal static class RasRegistration
{
    /// <summary>Domains, resource bundles and the authorization decisions built on them.</summary>
    public static IServiceCollection AddDomainsAndBundles(this IServiceCollection services)
    {
        services.TryAddSingleton<ActorDirectory>();
        services.TryAddSingleton<AccessQueries>();
        services.TryAddSingleton<DomainStore>();
        services.TryAddSingleton<DomainViews>();
        services.TryAddSingleton<UserDomainsQuery>();
        services.TryAddSingleton<BundleStore>();
        services.TryAddSingleton<BundlePermissionStore>();
        services.TryAddSingleton<BundleAssetStore>();
        services.TryAddSingleton<BundleGuard>();
        services.TryAddSingleton<BundleViews>();
        services.TryAddSingleton<IAccessControl, AccessControl>();
        services.TryAddSingleton<IAssetRegistry, AssetRegistry>();
        // After the admin bootstrap: the default domain is owned by the admin user.
        services.AddHostedService<DefaultDomainBootstrap>();
        return services;
    }
}
