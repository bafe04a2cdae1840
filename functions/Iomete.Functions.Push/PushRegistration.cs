using Iomete.Functions.Push.Log;
using Iomete.Functions.Push.Sources;
using Iomete.Functions.Push.Stream;
using Iomete.Platform.Data;
using Iomete.Platform.Functions;
using Iomete.Platform.Options;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Iomete.Functions.Push;

/// <summary>Real-time push of platform changes to the console over Server-Sent Events.</summary>
public static class PushRegistration
{
    /// <summary>The service's (and its database's) name.</summary>
    public const string Service = "push";

    public static IServiceCollection AddPushService(this IServiceCollection services)
    {
        services.AddFunctionsFrom(typeof(PushRegistration).Assembly);
        services.AddServiceDatabase(Service, typeof(PushRegistration).Assembly);
        services.AddValidatedOptions<PushOptions>(PushOptions.Section);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<PushLog>();
        services.TryAddSingleton<PushHub>();
        services.AddHostedService(sp => sp.GetRequiredService<PushHub>());
        services.TryAddSingleton<PushStreamer>();
        services.TryAddSingleton<PushIntake>();
        return services;
    }
}
