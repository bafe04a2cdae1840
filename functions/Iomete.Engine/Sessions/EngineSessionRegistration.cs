using Iomete.Engine.Reads;
using Iomete.Iceberg.IO;
using Iomete.Iceberg.Scan;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Iomete.Engine.Sessions;

public static class EngineSessionRegistration
{
    /// <summary>The embedded SQL engine (<see cref="ISqlEngine"/>) with options from <see cref="EngineOptions.Section"/>.</summary>
    public static IServiceCollection AddEmbeddedSqlEngine(this IServiceCollection services)
    {
        services.AddOptions<EngineOptions>().BindConfiguration(EngineOptions.Section);
        services.TryAddSingleton<TableFileIO>();
        services.TryAddSingleton(sp => new ScanPlanner(sp.GetRequiredService<TableFileIO>(), maxConcurrency: 8));
        services.TryAddSingleton<IcebergTableReader>();
        services.TryAddSingleton<EmbeddedSqlEngine>();
        services.TryAddSingleton<ISqlEngine>(sp => sp.GetRequiredService<EmbeddedSqlEngine>());
        return services;
    }
}
