using Microsoft.Extensions.DependencyInjection;

namespace Iomete.Functions.EventStreams.Ingest;

internal static class IngestionRegistration
{
    public static IServiceCollection AddIngestion(this IServiceCollection services)
    {
        return services;
    }
}
