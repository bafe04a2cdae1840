using Microsoft.Extensions.DependencyInjection;

namespace Iomete.Functions.EventStreams.Streams;

internal static class StreamResourcesRegistration
{
    public static IServiceCollection AddStreamResources(this IServiceCollection services)
    {
        return services;
    }
}
