using Iomete.Platform.Data;
using Iomete.Platform.Functions;
using Iomete.Platform.Options;
using Iomete.Functions.EventStreams.Ingest;
using Iomete.Functions.EventStreams.Streams;
using Microsoft.Extensions.DependencyInjection;

namespace Iomete.Functions.EventStreams;

/// <summary>The event-stream service: stream resources, the ingest endpoint and the ingestion pipelines.</summary>
public static class EventStreamsRegistration
{
    public const string Service = "eventstreams";

    public static IServiceCollection AddEventStreamsService(this IServiceCollection services)
    {
        services.AddFunctionsFrom(typeof(EventStreamsRegistration).Assembly);
        services.AddServiceDatabase(Service, typeof(EventStreamsRegistration).Assembly);
        services.AddValidatedOptions<EventStreamsOptions>(EventStreamsOptions.Section);
        services.AddStreamResources();
        services.AddIngestion();
        return services;
    }
}
