using Iomete.DataSecurity;
using Iomete.Functions.Catalog.Search;
using Iomete.Functions.Catalog.Sync;
using Iomete.Platform.Options;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Iomete.Functions.Catalog.Index;

/// <summary>The catalog index, its event-driven and periodic sync, search and explorer.</summary>
public static class IndexRegistration
{
    public static IServiceCollection AddCatalogIndex(IServiceCollection services)
    {
        services.AddValidatedOptions<CatalogOptions>(CatalogOptions.Section);
        services.AddDataSecurityEnforcement();
        services.TryAddSingleton<CatalogIndexStore>();
        services.TryAddSingleton<LiveIndex>();
        services.TryAddSingleton<PlatformLakehouse>();
        services.TryAddSingleton<CatalogDirectory>();
        services.TryAddSingleton<TableIndexer>();
        services.TryAddSingleton<FullSync>();
        return services;
    }
}
