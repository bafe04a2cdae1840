using Iomete.Platform.Functions;
using Microsoft.Extensions.DependencyInjection;

namespace Iomete.Functions.Sql;

/// <summary>The SQL service: queries, results, history, worksheets, the database explorer and the local compute.</summary>
public static class SqlRegistration
{
    public static IServiceCollection AddSqlService(this IServiceCollection services)
    {
        services.AddFunctionsFrom(typeof(SqlRegistration).Assembly);
        return services;
    }
}
