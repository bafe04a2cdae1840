using Iomete.Platform.Functions;
using Microsoft.Extensions.DependencyInjection;

namespace Iomete.Functions.Health;

/// <summary>Health checks of every platform component, their 48-hour history and status-change notifications.</summary>
public static class HealthRegistration
{
    /// <summary>The service's (and its database's) name.</summary>
    public const string Service = "health";

    public static IServiceCollection AddHealthService(this IServiceCollection services)
    {
        services.AddFunctionsFrom(typeof(HealthRegistration).Assembly);
        return services;
    }
}
