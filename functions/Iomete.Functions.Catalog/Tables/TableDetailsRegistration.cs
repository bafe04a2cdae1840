using Iomete.Functions.Catalog.Annotations;
using Iomete.Functions.Catalog.Classifications;
using Iomete.Functions.Catalog.Favorites;
using Iomete.Iceberg.IO;
using Iomete.Iceberg.Scan;
using Iomete.Platform.Options;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Iomete.Functions.Catalog.Tables;

public static class TableDetailsRegistration
{
    /// <summary>Table details, documentation, favorites and classifications; <see cref="ITableAnnotationSource"/> for the search index.</summary>
    public static IServiceCollection AddCatalogDetails(this IServiceCollection services)
    {
        services.AddValidatedOptions<CatalogMetricsOptions>(CatalogMetricsOptions.Section);
        services.TryAddSingleton<AnnotationStore>();
        services.TryAddSingleton<ITableAnnotationSource>(sp => sp.GetRequiredService<AnnotationStore>());
        services.TryAddSingleton<CatalogTableAccess>();
        services.TryAddSingleton<CatalogChanges>();
        services.TryAddSingleton<SampleQueries>();
        services.TryAddSingleton<TableFileIO>();
        services.TryAddSingleton(sp => new ScanPlanner(sp.GetRequiredService<TableFileIO>(), maxConcurrency: 8));
        services.TryAddSingleton<TableFileStats>();
        services.TryAddSingleton<FavoriteStore>();
        services.TryAddSingleton<ClassificationTagStore>();
        services.TryAddSingleton<ClassificationRequestStore>();
        services.TryAddSingleton<ResourceTagFeed>();
        services.TryAddSingleton<ClassificationReview>();
        return services;
    }
}
