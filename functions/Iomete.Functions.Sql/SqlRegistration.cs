using Iomete.Engine;
using Iomete.Functions.Sql.Worksheets;
using Iomete.Platform.Data;
using Iomete.Platform.Functions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Iomete.Functions.Sql;

/// <summary>The SQL service: queries, results, history, worksheets, the database explorer and the local compute.</summary>
public static class SqlRegistration
{
    public const string Service = "sql";

    public static IServiceCollection AddSqlService(this IServiceCollection services)
    {
        services.AddFunctionsFrom(typeof(SqlRegistration).Assembly);
        services.AddServiceDatabase(Service, typeof(SqlRegistration).Assembly);
        services.AddEmbeddedEngineCatalog();
        services.AddWorksheets();
        services.TryAddSingleton<Explorer.ExplorerCatalog>();
        return services;
    }
}
