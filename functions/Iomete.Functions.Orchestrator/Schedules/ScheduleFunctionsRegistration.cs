using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Iomete.Functions.Orchestrator.Schedules;

internal static class ScheduleFunctionsRegistration
{
    public static IServiceCollection AddScheduleFunctions(this IServiceCollection services)
    {
        services.TryAddSingleton<ScheduleAccess>();
        services.TryAddSingleton<ScheduleViews>();
        services.TryAddSingleton<WorksheetQueries>();
        return services;
    }
}
