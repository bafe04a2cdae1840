using Microsoft.DurableTask;

namespace Iomete.Workflows.Jobs;

/// <summary>
/// One job run (instance id = the run id): enqueue in the namespace queue (PENDING) → wait for admission (capacity, turn) → submit to the
/// job service (RUNNING) → wait for the end by <see cref="Runs.WorkflowEvents.JobRunState"/> events or polling → finalize; failed
/// attempts are retried by the <see cref="JobRetryPolicy"/> (RETRYING between attempts), the maximum execution duration ends the run
/// TIMED_OUT, a job service that cannot take the submission ends it CRASHED, and <see cref="Runs.WorkflowEvents.Cancel"/> ends it
/// CANCELLED at any point. Every step is logged on the run. The steps live in <see cref="JobRunFlow"/>.
/// </summary>
[DurableTask(JobRunNames.Orchestration)]
public sealed class JobRunOrchestration : TaskOrchestrator<JobRunRequest, JobRunOutcome>
{
    public override Task<JobRunOutcome> RunAsync(TaskOrchestrationContext context, JobRunRequest input)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(input);
        return new JobRunFlow(context, input).RunAsync();
    }
}
