using System.Globalization;
using System.Text.Json;
using Iomete.Workflows.Queues;
using Iomete.Workflows.Runs;
using Microsoft.DurableTask;

namespace Iomete.Workflows.Jobs;

/// <summary>The steps of <see cref="JobRunOrchestration"/>; deterministic (the orchestration's clock and timers, I/O in activities).</summary>
internal sealed partial class JobRunFlow(TaskOrchestrationContext context, JobRunRequest input)
{
    private Task<string?> cancel = Task.FromResult<string?>(null);
    private string? externalRunId;
    private int attempt = 1;
    private JobRunPlan plan = null!;

    private sealed record Attempt(WorkflowRunState State, string Message);

    /// <summary>Runs the steps; an activity that fails outright (a bug, a broken database) ends the run CRASHED instead of leaving it hanging.</summary>
    public async Task<JobRunOutcome> RunAsync()
    {
        try
        {
            return await ExecuteAsync();
        }
        catch (TaskFailedException e)
        {
            if (externalRunId is not null)
            {
                await context.CallActivityAsync<JobCallResult>(CancelJobServiceRunActivity.Name, new JobRunRef(input.DomainId, externalRunId));
            }
            return await FinishAsync(WorkflowRunState.Crashed, $"The orchestration failed: {e.FailureDetails.ErrorMessage}");
        }
    }

    private async Task<JobRunOutcome> ExecuteAsync()
    {
        cancel = context.WaitForExternalEvent<string?>(WorkflowEvents.Cancel);
        plan = await context.CallActivityAsync<JobRunPlan>(PrepareJobRunActivity.Name, input);
        if (plan.Job is not { } job)
        {
            return await FinishAsync(plan.Unavailable ? WorkflowRunState.Crashed : WorkflowRunState.Failed,
                $"The job '{input.JobId}' cannot be run: {plan.Error}");
        }
        var priority = input.Priority ?? (string.Equals(job.Priority, "HIGH", StringComparison.OrdinalIgnoreCase) ? RunPriority.High : RunPriority.Normal);
        var retry = input.Retry ?? new JobRetryPolicy();
        var maxSeconds = input.MaxExecutionSeconds ?? job.MaxExecutionSeconds;
        var runAs = input.RunAs ?? job.RunAs;
        await LogAsync(RunEventLevel.Info,
            $"Job '{job.Name}' ({job.ApplicationType}) in namespace '{job.Namespace}': priority {WorkflowRunRow.Upper(priority)}, run as " +
            $"'{runAs ?? "the job's user"}', {retry.MaxAttempts} attempt(s)" + (maxSeconds is { } m ? $", at most {N(m)} s per attempt" : ""));
        while (true)
        {
            if (await QueueAsync(job, priority) is { } ended)
            {
                return ended;
            }
            var result = await RunAttemptAsync(runAs, maxSeconds);
            if (result.State != WorkflowRunState.Failed || attempt >= retry.MaxAttempts)
            {
                return await FinishAsync(result.State, result.Message);
            }
            var delay = RetryDelaySeconds(retry, attempt);
            await MoveAsync(WorkflowRunState.Retrying, $"Attempt {N(attempt)} of {N(retry.MaxAttempts)} failed: {result.Message}");
            await LogAsync(RunEventLevel.Warning, $"Attempt {N(attempt)} of {N(retry.MaxAttempts)} failed: {result.Message}; retrying in {N(delay)} s");
            if (await DelayOrCancelAsync(delay))
            {
                return await CancelledAsync("while waiting to retry");
            }
            attempt++;
            externalRunId = null;
        }
    }

    /// <summary>Seconds before retry <paramref name="failed"/> + 1: delay × backoff^(failed − 1), at most the cap.</summary>
    public static int RetryDelaySeconds(JobRetryPolicy retry, int failed)
    {
        var delay = retry.DelaySeconds * Math.Pow(Math.Max(1.0, retry.BackoffCoefficient), failed - 1);
        if (retry.MaxDelaySeconds is { } cap)
        {
            delay = Math.Min(delay, cap);
        }
        return (int)Math.Min(Math.Round(delay), int.MaxValue);
    }

    /// <summary>Waits in the queue until admitted; an outcome when the run ended there (cancelled, queue-head timeout).</summary>
    private async Task<JobRunOutcome?> QueueAsync(JobInfo job, RunPriority priority)
    {
        if (attempt > 1)
        {
            await MoveAsync(WorkflowRunState.Pending, $"Attempt {N(attempt)}: waiting in the queue of namespace '{job.Namespace}'");
        }
        await context.CallActivityAsync<bool>(EnqueueRunActivity.Name, new QueueEntry
        {
            RunId = input.RunId,
            DomainId = input.DomainId,
            Namespace = job.Namespace,
            Priority = priority,
            JobId = job.Id,
            JobName = job.Name,
            Demand = job.Demand,
            EnqueuedAt = context.CurrentUtcDateTime,
        });
        await LogAsync(RunEventLevel.Info, $"Queued in the {WorkflowRunRow.Upper(priority)} queue of namespace '{job.Namespace}'");
        string? lastMessage = null;
        Task<string?>? capacity = null;
        while (true)
        {
            if (cancel.IsCompleted)
            {
                return await CancelledAsync("while queued");
            }
            var admission = await context.CallActivityAsync<Admission>(AdmitRunActivity.Name, input.RunId);
            switch (admission.Result)
            {
                case AdmissionResult.Admitted:
                    await LogAsync(RunEventLevel.Info, $"Admitted: namespace '{job.Namespace}' has capacity for the run");
                    return null;
                case AdmissionResult.HeadTimedOut:
                    return await FinishAsync(WorkflowRunState.Failed, admission.Message ?? "Queue-head timeout.");
                case AdmissionResult.NotQueued:
                    return await FinishAsync(WorkflowRunState.Crashed, "The run left its queue unexpectedly.");
                case AdmissionResult.Requeued:
                    await LogAsync(RunEventLevel.Warning, admission.Message ?? "Moved to the back of the queue.");
                    break;
                default:
                    var message = admission.Message + (admission.BlockingResource is { } b ? $" Blocking resource: {b}." : "");
                    if (message != lastMessage)
                    {
                        await LogAsync(RunEventLevel.Info, "Waiting: " + message);
                        lastMessage = message;
                    }
                    break;
            }
            capacity ??= context.WaitForExternalEvent<string?>(WorkflowEvents.CapacityChanged);
            using var timerCancel = new CancellationTokenSource();
            var timer = context.CreateTimer(TimeSpan.FromSeconds(plan.RecheckSeconds), timerCancel.Token);
            var winner = await Task.WhenAny(cancel, capacity, timer);
            if (winner != timer)
            {
                timerCancel.Cancel();
            }
            if (winner == capacity)
            {
                capacity = null;
            }
        }
    }

    private async Task<bool> DelayOrCancelAsync(int seconds)
    {
        using var timerCancel = new CancellationTokenSource();
        var timer = context.CreateTimer(TimeSpan.FromSeconds(seconds), timerCancel.Token);
        if (await Task.WhenAny(cancel, timer) == cancel)
        {
            timerCancel.Cancel();
            return true;
        }
        return false;
    }

    private async Task<JobRunOutcome> CancelledAsync(string when)
    {
        var reason = cancel.IsCompletedSuccessfully ? cancel.Result : null;
        if (externalRunId is not null)
        {
            await CancelExternalAsync();
        }
        return await FinishAsync(WorkflowRunState.Cancelled, $"Cancelled {when}" + (string.IsNullOrWhiteSpace(reason) ? "." : $": {reason}"));
    }

    private async Task CancelExternalAsync()
    {
        var result = await context.CallActivityAsync<JobCallResult>(CancelJobServiceRunActivity.Name, new JobRunRef(input.DomainId, externalRunId!));
        await LogAsync(result.Run is null ? RunEventLevel.Warning : RunEventLevel.Info, result.Run is { } r
            ? $"Job service run {externalRunId} cancelled ({r.Status})"
            : $"Cancelling job service run {externalRunId} failed: {result.Error}");
    }

    private async Task<JobRunOutcome> FinishAsync(WorkflowRunState state, string message)
    {
        await context.CallActivityAsync<bool>(LeaveQueueActivity.Name, input.RunId);
        var output = externalRunId is null ? null : JsonSerializer.Serialize(new { externalRunId, attempt });
        await context.CallActivityAsync<bool>(MoveRunActivity.Name, new RunMove(input.RunId, state, message, output, externalRunId, attempt));
        await LogAsync(state == WorkflowRunState.Completed ? RunEventLevel.Info : state == WorkflowRunState.Cancelled ? RunEventLevel.Warning : RunEventLevel.Error,
            $"Run {state.Name()}: {message}");
        return new JobRunOutcome(state, externalRunId, message, output);
    }

    private Task<bool> MoveAsync(WorkflowRunState state, string message) =>
        context.CallActivityAsync<bool>(MoveRunActivity.Name, new RunMove(input.RunId, state, message, null, externalRunId, attempt));

    private Task LogAsync(RunEventLevel level, string message) =>
        context.CallActivityAsync<bool>(LogRunActivity.Name, new RunLogLine(input.RunId, level, message));

    private static string N(long value) => value.ToString(CultureInfo.InvariantCulture);
}
