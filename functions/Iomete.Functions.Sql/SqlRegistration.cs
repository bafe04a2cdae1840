using Iomete.Functions.Sql.Compute;
using Iomete.Functions.Sql.Queries;
using Iomete.Functions.Sql.Results;
using Iomete.Functions.Sql.SparkConnect;
using Iomete.Functions.Sql.Worksheets;
using Iomete.Platform.Data;
using Iomete.Platform.Functions;
using Iomete.Platform.Options;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Iomete.Functions.Sql;

/// <summary>The SQL service: queries, results, history, worksheets, the database explorer and the local compute.</summary>
public static class SqlRegistration
{
    public const string Service = "sql";

    /// <summary>
    /// Registers the service. The engine (<c>ISqlEngine</c>) and the catalog client factory
    /// (<c>ILakehouseCatalogFactory</c>) are registered by the host; the runner and the explorer resolve them per request.
    /// </summary>
    public static IServiceCollection AddSqlService(this IServiceCollection services)
    {
        services.AddFunctionsFrom(typeof(SqlRegistration).Assembly);
        services.AddServiceDatabase(Service, typeof(SqlRegistration).Assembly);
        services.AddValidatedOptions<SqlOptions>(SqlOptions.Section);
        services.TryAddSingleton<QueryStateEvents>();
        services.TryAddSingleton<QueryStore>();
        services.TryAddSingleton<QueryCanceller>();
        services.TryAddSingleton<ComputeStore>();
        services.TryAddSingleton<ResultStore>();
        services.TryAddSingleton<QueryAccess>();
        services.AddSparkConnect();
        services.TryAddSingleton<QueryExecution>();
        services.TryAddSingleton<QueryRunner>();
        services.AddHostedService(sp => sp.GetRequiredService<QueryRunner>());
        services.AddWorksheets();
        services.TryAddSingleton<Explorer.ExplorerCatalog>();
        services.AddHostedService<SystemTables.AuditTableExporter>();
        return services;
    }
}
