using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Iomete.Workflows.Maintenance;

/// <summary>The orchestrator and activities of table-maintenance runs, and the client they share.</summary>
public static class MaintenanceTasks
{
    public static void Register(DurableTaskRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        registry.AddOrchestrator<MaintenanceRunOrchestration>();
        registry.AddActivity<ExecuteMaintenanceRunActivity>();
        registry.AddActivity<AwaitMaintenanceRunActivity>();
        registry.AddActivity<CancelMaintenanceRunActivity>();
        registry.AddActivity<FailMaintenanceRunActivity>();
    }

    public static IServiceCollection AddMaintenanceRunClient(this IServiceCollection services)
    {
        services.TryAddSingleton<MaintenanceServiceClient>();
        return services;
    }
}
