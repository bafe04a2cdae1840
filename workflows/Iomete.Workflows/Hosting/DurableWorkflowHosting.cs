using DurableTask.Core;
using Iomete.DurableTask.Sql.Hosting;
using Microsoft.DurableTask.Testing.Sidecar;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Iomete.Workflows.Hosting;

/// <summary>The Durable Task backend chosen by <see cref="WorkflowsOptions"/>, the in-process sidecar over it, and the worker and client.</summary>
internal static class DurableWorkflowHosting
{
    /// <param name="runWorker">Run orchestrations and activities here; false: schedule and query only (the functions image,
    /// whose workflows run in the workflow worker's replicas).</param>
    public static IServiceCollection AddDurableWorkflows(this IServiceCollection services, bool runWorker)
    {
        services.AddSingleton<WorkflowBackend>();
        services.AddSingleton<IOrchestrationService>(sp => sp.GetRequiredService<WorkflowBackend>().Service);
        services.AddSingleton<IOrchestrationServiceClient>(sp => sp.GetRequiredService<WorkflowBackend>().Client);
        services.AddOptions<DurableTaskSidecarOptions>()
            .Configure<IOptions<WorkflowsOptions>>((sidecar, workflows) =>
            {
                sidecar.Port = workflows.Value.SidecarPort;
                sidecar.ApiServerOnly = !runWorker;
            });
        if (runWorker)
        {
            services.AddDurableTaskOverSidecar(WorkflowTasks.Register);
        }
        else
        {
            services.AddDurableTaskClientOverSidecar();
        }
        return services;
    }
}

/// <summary>The backend instance (one per process), built from the options on first use.</summary>
internal sealed class WorkflowBackend(IOptions<WorkflowsOptions> options, ILoggerFactory loggers)
{
    private readonly Lazy<InMemoryOrchestrationService> memory = new(() => new InMemoryOrchestrationService(loggers));

    public IOrchestrationService Service => Backend();

    public IOrchestrationServiceClient Client => Backend();

    private InMemoryOrchestrationService Backend() => options.Value.Backend switch
    {
        _ => memory.Value,
    };
}
