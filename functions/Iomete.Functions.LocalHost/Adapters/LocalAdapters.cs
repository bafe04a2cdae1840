using Iomete.Functions.LocalHost.Hosting;
using Iomete.Platform.Messaging;

namespace Iomete.Functions.LocalHost.Adapters;

internal static class LocalAdapters
{
    /// <summary>In-process stand-ins for the Dapr building blocks, plus the local cron scheduler.</summary>
    public static IServiceCollection AddLocalAdapters(this IServiceCollection services)
    {
        services.AddHttpClient();
        services.AddSingleton<InProcessEventBus>();
        services.AddSingleton<IEventBus>(sp => sp.GetRequiredService<InProcessEventBus>());
        services.AddSingleton<IStateStore, InMemoryStateStore>();
        services.AddSingleton<IServiceInvoker, LoopbackServiceInvoker>();
        services.AddSingleton<LocalSubscriptions>();
        services.AddHostedService<EventBusPump>();
        services.AddHostedService<LocalScheduler>();
        return services;
    }
}
