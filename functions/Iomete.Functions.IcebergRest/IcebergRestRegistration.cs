using Iomete.DataSecurity;
using Iomete.Functions.IcebergRest.Authorization;
using Iomete.Functions.IcebergRest.Catalogs;
using Iomete.Functions.IcebergRest.Errors;
using Iomete.Functions.IcebergRest.Namespaces;
using Iomete.Functions.IcebergRest.Objects;
using Iomete.Iceberg.IO;
using Iomete.Iceberg.Scan;
using Iomete.Functions.IcebergRest.Planning;
using Iomete.Functions.IcebergRest.Tables;
using Iomete.Functions.IcebergRest.Idempotency;
using Iomete.Platform.Data;
using Iomete.Platform.Errors;
using Iomete.Platform.Functions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Iomete.Functions.IcebergRest;

public static class IcebergRestRegistration
{
    public const string Service = "iceberg";

    /// <summary>The Iceberg REST catalog service: catalogs, namespaces, tables and views under /catalogs/{catalog}/v1.</summary>
    public static IServiceCollection AddIcebergRestService(this IServiceCollection services)
    {
        services.AddFunctionsFrom(typeof(IcebergRestRegistration).Assembly);
        services.AddServiceDatabase(Service, typeof(IcebergRestRegistration).Assembly);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IErrorBodyWriter, IcebergErrorBodyWriter>());
        services.AddDataSecurityEnforcement();
        services.AddHttpContextAccessor();
        services.TryAddSingleton<ICatalogAuthorizer, PolicyCatalogAuthorizer>();
        services.TryAddSingleton<CatalogStore>();
        services.TryAddSingleton<NamespaceStore>();
        services.TryAddSingleton<CatalogObjectStore>();
        services.TryAddSingleton<TableFileIO>();
        services.TryAddSingleton<CatalogGate>();
        services.TryAddSingleton<TableMetadataFiles>();
        services.TryAddSingleton<TableCommitter>();
        services.TryAddSingleton<TableReadAccess>();
        services.TryAddSingleton<TablePurger>();
        services.TryAddSingleton<IdempotencyKeys>();
        services.TryAddSingleton<Events.TableChangePublisher>();
        services.TryAddSingleton<ScanPlanStore>();
        services.TryAddSingleton(sp => new ScanPlanner(sp.GetRequiredService<TableFileIO>(), maxConcurrency: 8));
        services.AddOptions<IdempotencyOptions>().BindConfiguration("Iomete:IcebergRest:Idempotency");
        services.TryAddSingleton<Views.ViewCatalog>();
        return services;
    }
}
