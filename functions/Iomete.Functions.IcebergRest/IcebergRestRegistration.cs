using Iomete.Platform.Functions;
using Microsoft.Extensions.DependencyInjection;

namespace Iomete.Functions.IcebergRest;

public static class IcebergRestRegistration
{
    public const string Service = "iceberg";

    /// <summary>The Iceberg REST catalog service: catalogs, namespaces, tables and views under /catalogs/{catalog}/v1.</summary>
    public static IServiceCollection AddIcebergRestService(this IServiceCollection services)
    {
        services.AddFunctionsFrom(typeof(IcebergRestRegistration).Assembly);
        return services;
    }
}
