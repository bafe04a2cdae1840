using Iomete.Workflows.Runs;
using Microsoft.DurableTask;

namespace Iomete.Workflows.Jobs;

internal sealed partial class JobRunFlow
{
    /// <summary>Submits the admitted run and follows it to its end: COMPLETED, FAILED (retryable), TIMED_OUT, CANCELLED or CRASHED.</summary>
    private async Task<Attempt> RunAttemptAsync(string? runAs, int? maxSeconds)
    {
        var submission = new JobSubmission(input.DomainId, input.JobId, $"{input.RunId}-{N(attempt)}", runAs, input.Overrides);
        JobCallResult submitted;
        var delay = plan.SubmitRetryDelaySeconds;
        for (var tries = 1; ; tries++)
        {
            submitted = await context.CallActivityAsync<JobCallResult>(SubmitJobRunActivity.Name, submission);
            if (!submitted.Unavailable)
            {
                break;
            }
            if (tries >= plan.SubmitAttempts)
            {
                await context.CallActivityAsync<bool>(LeaveQueueActivity.Name, input.RunId);
                return new Attempt(WorkflowRunState.Crashed, $"The job service could not take the submission after {N(tries)} tries: {submitted.Error}");
            }
            await LogAsync(RunEventLevel.Warning, $"Submission failed ({submitted.Error}); trying again in {N(delay)} s");
            if (await DelayOrCancelAsync(delay))
            {
                return await CancelledAttemptAsync("while submitting");
            }
            delay *= 2;
        }
        // Submitted (or refused): the run holds no place in the queue any more; the next head may go.
        await context.CallActivityAsync<bool>(LeaveQueueActivity.Name, input.RunId);
        if (submitted.Run is not { } run)
        {
            return new Attempt(WorkflowRunState.Failed, $"The job service refused the run: {submitted.Error}");
        }
        externalRunId = run.Id;
        await MoveAsync(WorkflowRunState.Running, $"Attempt {N(attempt)}: submitted as job service run {run.Id}");
        await LogAsync(RunEventLevel.Info, $"Submitted: job service run {run.Id} ({run.Status})");
        if (cancel.IsCompleted)
        {
            return await CancelledAttemptAsync("while submitting");
        }
        return await FollowAsync(run, maxSeconds);
    }

    private async Task<Attempt> FollowAsync(JobServiceRun run, int? maxSeconds)
    {
        using var deadlineCancel = new CancellationTokenSource();
        var deadline = maxSeconds is { } max ? context.CreateTimer(context.CurrentUtcDateTime.AddSeconds(max), deadlineCancel.Token) : null;
        Task<string?>? stateEvent = null;
        var lastStatus = run.Status;
        var unavailableLogged = false;
        while (!run.Terminal)
        {
            stateEvent ??= context.WaitForExternalEvent<string?>(WorkflowEvents.JobRunState);
            using var pollCancel = new CancellationTokenSource();
            var poll = context.CreateTimer(TimeSpan.FromSeconds(plan.PollSeconds), pollCancel.Token);
            var waits = new List<Task> { cancel, stateEvent, poll };
            if (deadline is not null)
            {
                waits.Add(deadline);
            }
            var winner = await Task.WhenAny(waits);
            if (winner != poll)
            {
                pollCancel.Cancel();
            }
            if (winner == cancel)
            {
                deadlineCancel.Cancel();
                return await CancelledAttemptAsync("while running");
            }
            if (winner == deadline)
            {
                await CancelExternalAsync();
                return new Attempt(WorkflowRunState.TimedOut,
                    $"The run exceeded its maximum execution duration of {N(maxSeconds!.Value)} s; job service run {run.Id} was cancelled.");
            }
            if (winner == stateEvent)
            {
                stateEvent = null;
            }
            var status = await context.CallActivityAsync<JobCallResult>(GetJobServiceRunActivity.Name, new JobRunRef(input.DomainId, run.Id));
            if (status.Unavailable)
            {
                if (!unavailableLogged)
                {
                    await LogAsync(RunEventLevel.Warning, $"The job service did not answer about run {run.Id} ({status.Error}); still waiting");
                    unavailableLogged = true;
                }
                continue;
            }
            if (status.Run is null)
            {
                deadlineCancel.Cancel();
                return new Attempt(WorkflowRunState.Crashed, $"The job service lost run {run.Id}: {status.Error}");
            }
            run = status.Run;
            unavailableLogged = false;
            if (run.Status != lastStatus)
            {
                await LogAsync(RunEventLevel.Info, $"Job service run {run.Id}: {run.Status}" + (run.Message is { } m ? $" ({m})" : ""));
                lastStatus = run.Status;
            }
        }
        deadlineCancel.Cancel();
        return run.Status switch
        {
            "COMPLETED" => new Attempt(WorkflowRunState.Completed, $"Job service run {run.Id} completed."),
            "ABORTED" when run.Reason == "USER" => new Attempt(WorkflowRunState.Cancelled, $"Job service run {run.Id} was cancelled by a user."),
            "ABORTED" when run.Reason == "EXECUTION_TIMEOUT" => new Attempt(WorkflowRunState.TimedOut,
                $"Job service run {run.Id} exceeded its maximum execution duration."),
            _ => new Attempt(WorkflowRunState.Failed, $"Job service run {run.Id} ended {run.Status}" + (run.Message is { } e ? $": {e}" : ".")),
        };
    }

    private async Task<Attempt> CancelledAttemptAsync(string when)
    {
        var reason = cancel.IsCompletedSuccessfully ? cancel.Result : null;
        if (externalRunId is not null)
        {
            await CancelExternalAsync();
        }
        return new Attempt(WorkflowRunState.Cancelled, $"Cancelled {when}" + (string.IsNullOrWhiteSpace(reason) ? "." : $": {reason}"));
    }
}
