using Iomete.Platform.Errors;
using Iomete.Workflows.Queues;
using Microsoft.DurableTask;
using Microsoft.Extensions.Options;

namespace Iomete.Workflows.Jobs;

/// <summary>
/// What a job-run orchestration reads once, at its start (kept in its history, so replays see the same): the job, or why it cannot
/// run, and the timing settings.
/// </summary>
public sealed record JobRunPlan(
    JobInfo? Job, string? Error, bool Unavailable, int RecheckSeconds, int PollSeconds, int SubmitAttempts, int SubmitRetryDelaySeconds);

/// <summary>The answer of one job-service call made by an activity: the run, or a refusal (<see cref="Error"/>), or no answer (<see cref="Unavailable"/>).</summary>
public sealed record JobCallResult(JobServiceRun? Run, string? Error, bool Unavailable);

/// <summary>A job-service run named by the orchestration.</summary>
public sealed record JobRunRef(string DomainId, string ExternalRunId);

[DurableTask(Name)]
public sealed class PrepareJobRunActivity(IJobService jobs, IOptions<JobRunOptions> options, IOptions<QueueOptions> queues)
    : TaskActivity<JobRunRequest, JobRunPlan>
{
    public const string Name = "job-run-prepare";

    public override async Task<JobRunPlan> RunAsync(TaskActivityContext context, JobRunRequest input)
    {
        var o = options.Value;
        JobInfo? job = null;
        string? error = null;
        var unavailable = false;
        try
        {
            job = await jobs.GetJobAsync(input.DomainId, input.JobId, CancellationToken.None);
        }
        catch (ApiException e)
        {
            error = e.Detail ?? e.Message;
        }
        catch (JobServiceUnavailableException e)
        {
            (error, unavailable) = (e.Message, true);
        }
        return new JobRunPlan(job, error, unavailable, queues.Value.RecheckSeconds, o.PollSeconds, o.SubmitAttempts, o.SubmitRetryDelaySeconds);
    }
}

[DurableTask(Name)]
public sealed class SubmitJobRunActivity(IJobService jobs) : TaskActivity<JobSubmission, JobCallResult>
{
    public const string Name = "job-run-submit";

    public override async Task<JobCallResult> RunAsync(TaskActivityContext context, JobSubmission input) =>
        await JobCalls.CallAsync(async () =>
        {
            var id = await jobs.SubmitAsync(input, CancellationToken.None);
            return await jobs.GetRunAsync(input.DomainId, id, CancellationToken.None);
        });
}

[DurableTask(Name)]
public sealed class GetJobServiceRunActivity(IJobService jobs) : TaskActivity<JobRunRef, JobCallResult>
{
    public const string Name = "job-run-status";

    public override async Task<JobCallResult> RunAsync(TaskActivityContext context, JobRunRef input) =>
        await JobCalls.CallAsync(() => jobs.GetRunAsync(input.DomainId, input.ExternalRunId, CancellationToken.None));
}

[DurableTask(Name)]
public sealed class CancelJobServiceRunActivity(IJobService jobs) : TaskActivity<JobRunRef, JobCallResult>
{
    public const string Name = "job-run-cancel";

    public override async Task<JobCallResult> RunAsync(TaskActivityContext context, JobRunRef input) =>
        await JobCalls.CallAsync(async () =>
        {
            await jobs.CancelAsync(input.DomainId, input.ExternalRunId, CancellationToken.None);
            return await jobs.GetRunAsync(input.DomainId, input.ExternalRunId, CancellationToken.None);
        });
}

internal static class JobCalls
{
    public static async Task<JobCallResult> CallAsync(Func<Task<JobServiceRun>> call)
    {
        try
        {
            return new JobCallResult(await call(), null, false);
        }
        catch (ApiException e)
        {
            return new JobCallResult(null, $"{e.Status} {e.Detail ?? e.Title}", false);
        }
        catch (JobServiceUnavailableException e)
        {
            return new JobCallResult(null, e.Message, true);
        }
    }
}
