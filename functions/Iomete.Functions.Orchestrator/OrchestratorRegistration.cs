using Iomete.Platform.Functions;
using Iomete.Workflows;
using Microsoft.Extensions.DependencyInjection;

namespace Iomete.Functions.Orchestrator;

/// <summary>The job orchestrator: schedules, pipelines, workflow runs and queues over durable workflows.</summary>
public static class OrchestratorRegistration
{
    public const string Service = WorkflowsRegistration.Service;

    public static IServiceCollection AddOrchestratorService(this IServiceCollection services)
    {
        services.AddFunctionsFrom(typeof(OrchestratorRegistration).Assembly);
        services.AddWorkflows();
        services.AddSingleton<Pipelines.PipelineAccess>();
        return services;
    }
}
