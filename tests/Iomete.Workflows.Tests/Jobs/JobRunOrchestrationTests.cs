using Iomete.Workflows.Jobs;
using Iomete.Workflows.Runs;

namespace Iomete.Workflows.Tests.Jobs;

/// <summary>The job-run orchestration end to end on the in-memory backend, against a fake job service.</summary>
public sealed class JobRunOrchestrationTests
{
    [Fact]
    public async Task ARun_WaitsForCapacity_IsAdmitted_Submitted_AndCompletes_WithTheStoryInItsLog()
    {
        var jobs = new FakeJobService
        {
            Capacity = n => n <= 2 ? new CapacityCheck(false, "CPU", "requests.cpu: 2000m asked, 500m free") : new CapacityCheck(true, null, null),
        };
        await using var host = await JobRunHost.StartAsync(jobs);

        var runId = await host.StartRunAsync();
        var outcome = await host.WaitAsync(runId);

        Assert.Equal(WorkflowRunState.Completed, outcome.State);
        var run = await host.Runs.GetAsync(runId, CancellationToken.None);
        Assert.Equal(WorkflowRunState.Completed, run!.State);
        Assert.StartsWith("spark-", run.ExternalRunId);
        Assert.Equal(outcome.ExternalRunId, run.ExternalRunId);
        Assert.NotNull(run.StartedAt);
        Assert.Equal([WorkflowRunState.Pending, WorkflowRunState.Running, WorkflowRunState.Completed], await host.StatesAsync(runId));
        var log = string.Join("\n", await host.LogAsync(runId));
        Assert.Contains("Queued in the NORMAL queue of namespace 'ns-a'", log);
        Assert.Contains("Blocking resource: CPU", log);
        Assert.Contains("Admitted", log);
        Assert.Contains($"Submitted: job service run {run.ExternalRunId}", log);
        Assert.Contains("Run COMPLETED", log);
        Assert.Equal(["runner"], jobs.RunAsSeen);
        Assert.Null(await host.Queues.GetAsync(runId, CancellationToken.None));
    }

    [Fact]
    public async Task AFailingRun_IsRetriedWithBackoff_AndEndsFailedAfterTheLastAttempt()
    {
        var jobs = new FakeJobService();
        jobs.Ends.Enqueue("FAILED");
        jobs.Ends.Enqueue("FAILED");
        jobs.Ends.Enqueue("FAILED");
        await using var host = await JobRunHost.StartAsync(jobs);

        var runId = await host.StartRunAsync(new JobRunRequest
        {
            RunId = "x", DomainId = "d1", JobId = "job-1", Retry = new JobRetryPolicy(MaxAttempts: 3, DelaySeconds: 1, BackoffCoefficient: 2), RunAs = "alice",
        });
        var outcome = await host.WaitAsync(runId, 60);

        Assert.Equal(WorkflowRunState.Failed, outcome.State);
        Assert.Contains("the driver exited with code 1", outcome.Message);
        Assert.Equal([$"{runId}-1", $"{runId}-2", $"{runId}-3"], jobs.SubmissionKeys);
        Assert.All(jobs.RunAsSeen, user => Assert.Equal("alice", user));
        var run = await host.Runs.GetAsync(runId, CancellationToken.None);
        Assert.Equal(3, run!.Attempt);
        var states = await host.StatesAsync(runId);
        Assert.Equal(2, states.Count(s => s == WorkflowRunState.Retrying));
        Assert.Equal(WorkflowRunState.Failed, states[^1]);
        var log = await host.LogAsync(runId);
        Assert.Contains(log, l => l.Contains("Attempt 1 of 3 failed", StringComparison.Ordinal) && l.EndsWith("retrying in 1 s", StringComparison.Ordinal));
        Assert.Contains(log, l => l.Contains("Attempt 2 of 3 failed", StringComparison.Ordinal) && l.EndsWith("retrying in 2 s", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ARetriedRun_ThatSucceedsOnTheSecondAttempt_Completes()
    {
        var jobs = new FakeJobService();
        jobs.Ends.Enqueue("FAILED");
        await using var host = await JobRunHost.StartAsync(jobs);

        var runId = await host.StartRunAsync(new JobRunRequest { RunId = "x", DomainId = "d1", JobId = "job-1", Retry = new JobRetryPolicy(3, 1) });
        var outcome = await host.WaitAsync(runId);

        Assert.Equal(WorkflowRunState.Completed, outcome.State);
        Assert.Equal(2, jobs.SubmissionKeys.Count);
    }

    [Fact]
    public async Task ARunPastItsMaximumDuration_IsTimedOut_AndItsSparkRunCancelled()
    {
        var jobs = new FakeJobService();
        jobs.Ends.Enqueue("HANG");
        await using var host = await JobRunHost.StartAsync(jobs);

        var runId = await host.StartRunAsync(new JobRunRequest { RunId = "x", DomainId = "d1", JobId = "job-1", MaxExecutionSeconds = 2 });
        var outcome = await host.WaitAsync(runId);

        Assert.Equal(WorkflowRunState.TimedOut, outcome.State);
        Assert.Contains("maximum execution duration of 2 s", outcome.Message);
        Assert.Equal([outcome.ExternalRunId], jobs.Cancelled);
        Assert.Equal(WorkflowRunState.TimedOut, (await host.Runs.GetAsync(runId, CancellationToken.None))!.State);
    }

    [Fact]
    public async Task CancelWhileQueued_LeavesTheQueue_SubmitsNothing_AndEndsCancelled()
    {
        var jobs = new FakeJobService { Capacity = _ => new CapacityCheck(false, "MEMORY", "requests.memory exhausted") };
        await using var host = await JobRunHost.StartAsync(jobs);
        var runId = await host.StartRunAsync();
        await host.WaitForLogAsync(runId, "Blocking resource: MEMORY");
        Assert.Equal("MEMORY", (await host.Queues.GetAsync(runId, CancellationToken.None))!.BlockingResource);

        await host.Runs.MoveAsync(runId, WorkflowRunState.Cancelling, "Cancel requested", CancellationToken.None);
        await host.Client.RaiseEventAsync(runId, WorkflowEvents.Cancel, "not needed today");
        var outcome = await host.WaitAsync(runId);

        Assert.Equal(WorkflowRunState.Cancelled, outcome.State);
        Assert.Equal("Cancelled while queued: not needed today", outcome.Message);
        Assert.Empty(jobs.SubmissionKeys);
        Assert.Null(await host.Queues.GetAsync(runId, CancellationToken.None));
        Assert.Equal(WorkflowRunState.Cancelled, (await host.Runs.GetAsync(runId, CancellationToken.None))!.State);
    }

    [Fact]
    public async Task CancelWhileRunning_CancelsTheSparkRun_AndEndsCancelled()
    {
        var jobs = new FakeJobService();
        jobs.Ends.Enqueue("HANG");
        await using var host = await JobRunHost.StartAsync(jobs);
        var runId = await host.StartRunAsync();
        await host.WaitForLogAsync(runId, "Submitted: job service run");

        await host.Client.RaiseEventAsync(runId, WorkflowEvents.Cancel, null);
        var outcome = await host.WaitAsync(runId);

        Assert.Equal(WorkflowRunState.Cancelled, outcome.State);
        Assert.Equal([outcome.ExternalRunId], jobs.Cancelled);
        Assert.Contains(await host.LogAsync(runId), l => l.StartsWith($"Job service run {outcome.ExternalRunId} cancelled", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AJobServiceThatCannotTakeTheSubmission_IsTriedAgain_ThenTheRunCrashes()
    {
        var jobs = new FakeJobService { UnavailableSubmissions = 100 };
        await using var host = await JobRunHost.StartAsync(jobs, new() { ["Iomete:Workflows:JobRuns:SubmitAttempts"] = "2" });

        var runId = await host.StartRunAsync(new JobRunRequest { RunId = "x", DomainId = "d1", JobId = "job-1", Retry = new JobRetryPolicy(3, 1) });
        var outcome = await host.WaitAsync(runId);

        Assert.Equal(WorkflowRunState.Crashed, outcome.State);
        Assert.Contains("after 2 tries", outcome.Message);
        Assert.Equal(2, jobs.SubmissionKeys.Count);
    }

    [Fact]
    public async Task AnUnknownJob_FailsTheRun_WithTheReason()
    {
        await using var host = await JobRunHost.StartAsync(new FakeJobService());

        var runId = await host.StartRunAsync(new JobRunRequest { RunId = "x", DomainId = "d1", JobId = "nope" });
        var outcome = await host.WaitAsync(runId);

        Assert.Equal(WorkflowRunState.Failed, outcome.State);
        Assert.Contains("'nope' was not found", outcome.Message);
    }

    [Fact]
    public void RetryDelay_GrowsByTheBackoff_UpToTheCap()
    {
        var retry = new JobRetryPolicy(5, 10, 3, 60);
        Assert.Equal([10, 30, 60, 60], Enumerable.Range(1, 4).Select(n => JobRunFlow.RetryDelaySeconds(retry, n)));
    }
}
