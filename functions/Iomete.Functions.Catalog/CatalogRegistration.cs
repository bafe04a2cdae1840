using Iomete.Functions.Catalog.Tables;
using Iomete.Platform.Data;
using Iomete.Platform.Functions;
using Microsoft.Extensions.DependencyInjection;

namespace Iomete.Functions.Catalog;

/// <summary>The data catalog: search index, table details, documentation, favorites and classifications.</summary>
public static class CatalogRegistration
{
    /// <summary>The service's (and its database's) name.</summary>
    public const string Service = "catalog";

    public static IServiceCollection AddCatalogService(this IServiceCollection services)
    {
        services.AddFunctionsFrom(typeof(CatalogRegistration).Assembly);
        services.AddServiceDatabase(Service, typeof(CatalogRegistration).Assembly);
        Index.IndexRegistration.AddCatalogIndex(services);
        services.AddCatalogDetails();
        return services;
    }
}
