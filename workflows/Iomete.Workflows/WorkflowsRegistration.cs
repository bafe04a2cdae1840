using Iomete.Platform.Data;
using Iomete.Platform.Options;
using Iomete.Workflows.Hosting;
using Iomete.Workflows.Jobs;
using Iomete.Workflows.Runs;
using Microsoft.Extensions.DependencyInjection;

namespace Iomete.Workflows;

/// <summary>Durable workflows: the run records, the orchestrations and activities, and the Durable Task hosting.</summary>
public static class WorkflowsRegistration
{
    /// <summary>The orchestrator's service (and database) name.</summary>
    public const string Service = "orchestrator";

    /// <param name="runWorker">Run the orchestrations here (local host, workflow worker); false for processes that only start,
    /// query and cancel runs (the functions image in a cluster).</param>
    public static IServiceCollection AddWorkflows(this IServiceCollection services, bool runWorker = true)
    {
        services.AddServiceDatabase(Service, typeof(WorkflowsRegistration).Assembly);
        services.AddValidatedOptions<WorkflowsOptions>(WorkflowsOptions.Section);
        services.AddSingleton<WorkflowRunStore>();
        services.AddSingleton<RunJournal>();
        services.AddJobRuns();
        Pipelines.PipelinesRegistration.AddPipelinesAndMetrics(services);
        services.AddDurableWorkflows(runWorker);
        Schedules.ScheduleTasks.AddSchedules(services);
        Maintenance.MaintenanceTasks.AddMaintenanceRunClient(services);
        return services;
    }
}
