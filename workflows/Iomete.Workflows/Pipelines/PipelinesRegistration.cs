using Iomete.Workflows.Metrics;
using Microsoft.Extensions.DependencyInjection;

namespace Iomete.Workflows.Pipelines;

public static class PipelinesRegistration
{
    /// <summary>Pipelines (store, launcher) and the orchestrator's metrics collector.</summary>
    public static IServiceCollection AddPipelinesAndMetrics(this IServiceCollection services)
    {
        services.AddSingleton<PipelineStore>();
        services.AddSingleton<PipelineLauncher>();
        services.AddSingleton<OrchestratorMetrics>();
        return services;
    }
}
