using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Iomete.Console.Pages.Sql;

/// <summary>Services of the console's Sql pages (registered by <see cref="ConsoleServices"/>).</summary>
public static class SqlConsoleServices
{
    public static IServiceCollection AddSqlConsole(this IServiceCollection services)
    {
        services.AddScoped<SchemaCache>();
        services.AddScoped<SqlCompletion>();
        services.AddScoped<SqlInterop>();
        services.TryAddSingleton(TimeProvider.System);
        return services;
    }
}
