using DurableTask.Core;
using DurableTask.Core.Query;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Iomete.DurableTask.Sql.Backend;

public static class SqlDurableTaskRegistration
{
    /// <summary>
    /// Registers one <see cref="SqlOrchestrationService"/> as the <see cref="IOrchestrationService"/>,
    /// <see cref="IOrchestrationServiceClient"/>, query and purge client, so
    /// <c>AddDurableTaskOverSidecar</c> serves it. The sidecar creates the schema when it starts.
    /// </summary>
    public static IServiceCollection AddSqlDurableTask(this IServiceCollection services, SqlOrchestrationServiceSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.Validate();
        services.AddSingleton(sp => new SqlOrchestrationService(
            settings, sp.GetService<ILoggerFactory>(), sp.GetService<TimeProvider>()));
        services.AddSingleton<IOrchestrationService>(sp => sp.GetRequiredService<SqlOrchestrationService>());
        services.AddSingleton<IOrchestrationServiceClient>(sp => sp.GetRequiredService<SqlOrchestrationService>());
        services.AddSingleton<IOrchestrationServiceQueryClient>(sp => sp.GetRequiredService<SqlOrchestrationService>());
        services.AddSingleton<IOrchestrationServicePurgeClient>(sp => sp.GetRequiredService<SqlOrchestrationService>());
        return services;
    }

    /// <inheritdoc cref="AddSqlDurableTask(IServiceCollection, SqlOrchestrationServiceSettings)"/>
    public static IServiceCollection AddSqlDurableTask(this IServiceCollection services, Action<SqlOrchestrationServiceSettings> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var settings = new SqlOrchestrationServiceSettings();
        configure(settings);
        return services.AddSqlDurableTask(settings);
    }
}
