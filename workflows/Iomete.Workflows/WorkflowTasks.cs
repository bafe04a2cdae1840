using Iomete.Workflows.Jobs;
using Iomete.Workflows.Runs;
using Microsoft.DurableTask;

namespace Iomete.Workflows;

/// <summary>Every orchestrator and activity of the platform; both hosts (local host, workflow worker) register this list.</summary>
public static class WorkflowTasks
{
    public static void Register(DurableTaskRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        registry.AddActivity<CreateRunActivity>();
        registry.AddActivity<MoveRunActivity>();
        registry.AddActivity<LogRunActivity>();
        registry.AddActivity<SaveRunTaskActivity>();
        JobRunTasks.Register(registry);
        Schedules.ScheduleTasks.Register(registry);
        Pipelines.PipelineTasks.Register(registry);
        Maintenance.MaintenanceTasks.Register(registry);
    }
}
