using Iomete.Engine.Sessions;
using Iomete.Functions.EventStreams.Ingest.Runtime;
using Iomete.Functions.EventStreams.Streams;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Iomete.Functions.EventStreams.Ingest;

internal static class IngestionRegistration
{
    /// <summary>The pipelines, the ingest endpoint's helpers; needs the engine's catalog factory and table I/O from the host.</summary>
    public static IServiceCollection AddIngestion(this IServiceCollection services)
    {
        services.AddEmbeddedSqlEngine();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<PlatformCatalog>();
        services.TryAddSingleton<IngestAccess>();
        services.TryAddSingleton<TableShapes>();
        services.TryAddSingleton<StreamRuntime>();
        services.TryAddSingleton<IStreamRuntime>(sp => sp.GetRequiredService<StreamRuntime>());
        services.AddHostedService(sp => sp.GetRequiredService<StreamRuntime>());
        services.TryAddSingleton(sp => new EventIngestion(
            sp.GetRequiredService<IEventStreamLookup>(), sp.GetRequiredService<StreamRuntime>(), sp.GetRequiredService<IngestAccess>(), sp.GetRequiredService<TableShapes>()));
        return services;
    }
}
