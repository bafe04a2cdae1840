using Iomete.Platform.Functions;
using Microsoft.Extensions.DependencyInjection;

namespace Iomete.Functions.Maintenance;

/// <summary>Automated table maintenance: settings, detection, durable maintenance runs.</summary>
public static class MaintenanceRegistration
{
    /// <summary>The service's (and its database's) name.</summary>
    public const string Service = "maintenance";

    public static IServiceCollection AddMaintenanceService(this IServiceCollection services)
    {
        services.AddFunctionsFrom(typeof(MaintenanceRegistration).Assembly);
        return services;
    }
}
