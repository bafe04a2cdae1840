using System.Collections.Concurrent;
using Iomete.Workflows.Jobs;
using Iomete.Workflows.Runs;
using Microsoft.DurableTask;

namespace Iomete.Workflows.Tests.Pipelines;

/// <summary>
/// What the fake job service does, by job id prefix: <c>ok-</c> completes with output <c>{"rows":42,"table":"t_&lt;job&gt;"}</c>,
/// <c>fail-</c> fails, <c>flaky-</c> fails on its first run and completes after; in the orchestration, <c>wait-</c> completes
/// when its run gets the <see cref="FakeJobRunOrchestration.Finish"/> event and <c>slow-</c> runs until cancelled.
/// </summary>
public sealed class FakeJobs
{
    private readonly ConcurrentDictionary<string, int> starts = new();

    public ConcurrentQueue<JobRunRequest> Requests { get; } = new();

    public int Starts(string jobId) => starts.GetValueOrDefault(jobId);

    public JobRunRequest Request(string jobId) => Requests.Single(r => r.JobId == jobId);

    public JobRunOutcome Run(JobRunRequest request)
    {
        Requests.Enqueue(request);
        var count = starts.AddOrUpdate(request.JobId, 1, (_, n) => n + 1);
        var external = "spark-" + request.RunId;
        var output = $$"""{"rows":42,"table":"t_{{request.JobId.Replace('-', '_')}}"}""";
        return request.JobId switch
        {
            _ when request.JobId.StartsWith("ok-", StringComparison.Ordinal) => new(WorkflowRunState.Completed, external, null, output),
            _ when request.JobId.StartsWith("fail-", StringComparison.Ordinal) => new(WorkflowRunState.Failed, external, "the job failed"),
            _ when request.JobId.StartsWith("flaky-", StringComparison.Ordinal) => count == 1
                ? new(WorkflowRunState.Failed, external, "first attempt fails")
                : new(WorkflowRunState.Completed, external, null, output),
            _ => new(WorkflowRunState.Crashed, external, "unknown fake job"),
        };
    }
}

[DurableTask(Name)]
public sealed class FakeJobActivity(FakeJobs jobs) : TaskActivity<JobRunRequest, JobRunOutcome>
{
    public const string Name = "fake-job";

    public override Task<JobRunOutcome> RunAsync(TaskActivityContext context, JobRunRequest input) => Task.FromResult(jobs.Run(input));
}

/// <summary>Stands in for the job-run orchestration under its name: records the run's states and honours cancel for <c>slow-</c> jobs.</summary>
[DurableTask(JobRunNames.Orchestration)]
public sealed class FakeJobRunOrchestration : TaskOrchestrator<JobRunRequest, JobRunOutcome>
{
    public const string Finish = "finish";

    public override async Task<JobRunOutcome> RunAsync(TaskOrchestrationContext context, JobRunRequest input)
    {
        await context.CallActivityAsync<bool>(MoveRunActivity.Name, new RunMove(input.RunId, WorkflowRunState.Running));
        JobRunOutcome outcome;
        if (input.JobId.StartsWith("slow-", StringComparison.Ordinal))
        {
            using var timeout = new CancellationTokenSource();
            var cancel = context.WaitForExternalEvent<string>(WorkflowEvents.Cancel);
            var timer = context.CreateTimer(TimeSpan.FromMinutes(5), timeout.Token);
            var first = await Task.WhenAny(cancel, timer);
#pragma warning disable CA1849 // CancelAsync runs the callbacks off the orchestration thread, which breaks replay.
            timeout.Cancel();
#pragma warning restore CA1849
            outcome = first == cancel
                ? new JobRunOutcome(WorkflowRunState.Cancelled, null, "cancelled: " + cancel.Result)
                : new JobRunOutcome(WorkflowRunState.Completed, null, null);
        }
        else if (input.JobId.StartsWith("wait-", StringComparison.Ordinal))
        {
            await context.WaitForExternalEvent<string>(Finish);
            outcome = new JobRunOutcome(WorkflowRunState.Completed, null, null, """{"rows":1}""");
        }
        else
        {
            outcome = await context.CallActivityAsync<JobRunOutcome>(FakeJobActivity.Name, input);
        }
        await context.CallActivityAsync<bool>(MoveRunActivity.Name, new RunMove(input.RunId, outcome.State, outcome.Message, outcome.Output, outcome.ExternalRunId));
        return outcome;
    }
}
