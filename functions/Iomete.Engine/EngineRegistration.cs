using Iomete.DataSecurity.Decisions;
using Iomete.Engine.Catalogs;
using Iomete.Platform.Messaging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Iomete.Engine;

public static class EngineRegistration
{
    /// <summary>
    /// The engine's catalog port: <see cref="ILakehouseCatalogFactory"/> as the REST client of the platform's Iceberg
    /// catalog. Needs an <see cref="IServiceInvoker"/> from the host; uses the registered <see cref="TimeProvider"/> when any.
    /// </summary>
    public static IServiceCollection AddEmbeddedEngineCatalog(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        // The trusted-engine secret comes with the catalog's registration (AddDataSecurityEnforcement) in the hosts.
        services.TryAddSingleton<ILakehouseCatalogFactory>(sp => new RestLakehouseCatalogFactory(
            sp.GetRequiredService<IServiceInvoker>(), sp.GetService<TimeProvider>() ?? TimeProvider.System, sp.GetService<TrustedEngine>()));
        return services;
    }
}
