using Dapr.Client;
using Iomete.Platform.Http;
using Iomete.Platform.Messaging;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Iomete.Platform.Dapr;

public static class DaprAdapters
{
    /// <summary>
    /// <see cref="IEventBus"/>, <see cref="IStateStore"/> (Dapr.Client over gRPC) and <see cref="IServiceInvoker"/>
    /// (the sidecar's HTTP API) on the Dapr sidecar, whose addresses come from the environment Dapr sets for the app.
    /// Component names come from <see cref="DaprOptions"/>, checked at start-up.
    /// </summary>
    public static IServiceCollection AddDaprAdapters(this IServiceCollection services)
    {
        services.AddOptions<DaprOptions>().BindConfiguration(DaprOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddDaprServiceInvoker();
        services.AddSingleton(_ => new DaprClientBuilder().UseJsonSerializationOptions(Json.Options).Build());
        services.AddSingleton<IEventBus, DaprEventBus>();
        services.AddSingleton<IStateStore, DaprStateStore>();
        return services;
    }

    /// <summary>Only <see cref="IServiceInvoker"/> through the sidecar, for a host that neither publishes nor keeps state.</summary>
    public static IServiceCollection AddDaprServiceInvoker(this IServiceCollection services)
    {
        services.AddSingleton(sp => DaprSidecar.From(sp.GetRequiredService<IConfiguration>()));
        services.AddHttpClient<IServiceInvoker, DaprServiceInvoker>();
        return services;
    }
}
