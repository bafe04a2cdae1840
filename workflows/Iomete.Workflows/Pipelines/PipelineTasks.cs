using Microsoft.DurableTask;

namespace Iomete.Workflows.Pipelines;

/// <summary>The orchestrations and activities of pipelines (registered by <see cref="WorkflowTasks"/>).</summary>
public static class PipelineTasks
{
    public static void Register(DurableTaskRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        registry.AddOrchestrator<PipelineRunOrchestration>();
    }
}
