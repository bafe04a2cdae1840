using Iomete.Platform.Functions;
using Microsoft.Extensions.DependencyInjection;

namespace Iomete.Functions.Push;

/// <summary>Real-time push of platform changes to the console over Server-Sent Events.</summary>
public static class PushRegistration
{
    /// <summary>The service's (and its database's) name.</summary>
    public const string Service = "push";

    public static IServiceCollection AddPushService(this IServiceCollection services)
    {
        services.AddFunctionsFrom(typeof(PushRegistration).Assembly);
        return services;
    }
}
