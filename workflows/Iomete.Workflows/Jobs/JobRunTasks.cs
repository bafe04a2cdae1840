using Microsoft.DurableTask;

namespace Iomete.Workflows.Jobs;

/// <summary>The job-run orchestration and its activities.</summary>
public static class JobRunTasks
{
    public static void Register(DurableTaskRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        registry.AddOrchestrator<JobRunOrchestration>();
        registry.AddActivity<PrepareJobRunActivity>();
        registry.AddActivity<SubmitJobRunActivity>();
        registry.AddActivity<GetJobServiceRunActivity>();
        registry.AddActivity<CancelJobServiceRunActivity>();
        registry.AddActivity<EnqueueRunActivity>();
        registry.AddActivity<AdmitRunActivity>();
        registry.AddActivity<LeaveQueueActivity>();
    }
}
