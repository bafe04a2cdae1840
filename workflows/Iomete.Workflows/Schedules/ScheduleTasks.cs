using Iomete.Workflows.SqlQueries;
using Microsoft.DurableTask;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Iomete.Workflows.Schedules;

/// <summary>The orchestrators and activities of schedules and SQL query runs, and their services.</summary>
public static class ScheduleTasks
{
    public static void Register(DurableTaskRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        registry.AddOrchestrator<ScheduleOrchestration>();
        registry.AddActivity<PlanScheduleActivity>();
        registry.AddActivity<FireScheduleActivity>();
        registry.AddOrchestrator<SqlQueriesOrchestration>();
        registry.AddActivity<SubmitSqlQueryActivity>();
        registry.AddActivity<AwaitSqlQueryActivity>();
        registry.AddActivity<CancelSqlQueryActivity>();
    }

    /// <summary>Stores and services the schedule tasks use (no hosted service: see <see cref="AddSchedules"/>).</summary>
    public static IServiceCollection AddScheduleServices(this IServiceCollection services)
    {
        services.TryAddSingleton<ScheduleStore>();
        services.TryAddSingleton<ScheduleLauncher>();
        services.TryAddSingleton<ScheduleRuntime>();
        services.TryAddSingleton<SqlQueryClient>();
        return services;
    }

    /// <summary>The schedule services plus the keeper that (re)starts schedule orchestrations.</summary>
    public static IServiceCollection AddSchedules(this IServiceCollection services)
    {
        services.AddScheduleServices();
        services.AddHostedService<ScheduleKeeper>();
        return services;
    }
}
