using Iomete.Platform.Functions;
using Iomete.Workflows;
using Microsoft.Extensions.DependencyInjection;

namespace Iomete.Functions.Orchestrator;

/// <summary>The job orchestrator: schedules, pipelines, workflow runs and queues over durable workflows.</summary>
public static class OrchestratorRegistration
{
    public const string Service = WorkflowsRegistration.Service;

    /// <param name="runWorkflowWorker">Run the workflows in this process (the local host); the functions image in a cluster passes
    /// false and leaves them to the workflow worker's replicas.</param>
    public static IServiceCollection AddOrchestratorService(this IServiceCollection services, bool runWorkflowWorker = true)
    {
        services.AddFunctionsFrom(typeof(OrchestratorRegistration).Assembly);
        services.AddWorkflows(runWorkflowWorker);
        services.AddSingleton<Runs.RunAccess>();
        Schedules.ScheduleFunctionsRegistration.AddScheduleFunctions(services);
        services.AddSingleton<Pipelines.PipelineAccess>();
        return services;
    }
}
