using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Iomete.Functions.EventStreams.Streams;

internal static class StreamResourcesRegistration
{
    public static IServiceCollection AddStreamResources(this IServiceCollection services)
    {
        services.TryAddSingleton<EventStreamStore>();
        services.TryAddSingleton<Ingest.IEventStreamLookup>(sp => sp.GetRequiredService<EventStreamStore>());
        services.TryAddSingleton<StreamAccess>();
        return services;
    }
}
