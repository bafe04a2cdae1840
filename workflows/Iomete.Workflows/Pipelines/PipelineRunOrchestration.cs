using System.Text.Json;
using Iomete.Platform.Http;
using Iomete.Workflows.Jobs;
using Iomete.Workflows.Runs;
using Microsoft.DurableTask;

namespace Iomete.Workflows.Pipelines;

/// <summary>
/// One pipeline run: starts every node whose dependencies are satisfied as a job-run sub-orchestration (fan-out), waits for
/// any to end (fan-in), skips nodes whose conditions can no longer hold, and ends COMPLETED or FAILED by the rule of
/// <see cref="PipelineRunPlan"/>. On <see cref="WorkflowEvents.Cancel"/> it cancels the running node runs, skips the rest and
/// ends CANCELLED. Each node is a task of the run (state, node run id, timing).
/// </summary>
[DurableTask(PipelineNames.Orchestration)]
public sealed class PipelineRunOrchestration : TaskOrchestrator<PipelineRunRequest, PipelineRunResult>
{
    /// <summary>How long a cancelled run waits for its running node runs to stop before it ends anyway.</summary>
    public static readonly TimeSpan CancelGrace = TimeSpan.FromMinutes(10);

    public override async Task<PipelineRunResult> RunAsync(TaskOrchestrationContext context, PipelineRunRequest input)
    {
        var run = new PipelineRunExecution(context, input);
        return await run.ExecuteAsync();
    }
}

/// <summary>The state of one execution of <see cref="PipelineRunOrchestration"/> (rebuilt identically on every replay).</summary>
internal sealed class PipelineRunExecution
{
    private readonly TaskOrchestrationContext context;
    private readonly PipelineRunRequest input;
    private readonly PipelineGraph graph;
    private readonly PipelineRunPlan plan;
    private readonly Dictionary<string, string> nodeRuns = new(StringComparer.Ordinal);
    private string? cancelReason;

    public PipelineRunExecution(TaskOrchestrationContext context, PipelineRunRequest input)
    {
        this.context = context;
        this.input = input;
        graph = PipelineGraph.Validate(input.Nodes);
        plan = new PipelineRunPlan(graph, input.Reused);
    }

    public async Task<PipelineRunResult> ExecuteAsync()
    {
        await context.CallActivityAsync<bool>(MoveRunActivity.Name, new RunMove(input.RunId, WorkflowRunState.Running, "Pipeline run started"));
        await Task.WhenAll(graph.Order.Select(key => plan.Results.TryGetValue(key, out var reused)
            ? SaveTaskAsync(key, reused.State!.Value, reused.Message, reused.RunId, null, null, reused.Output)
            : SaveTaskAsync(key, WorkflowRunState.Pending, null, null, null, null, null)));

        var cancel = context.WaitForExternalEvent<string>(WorkflowEvents.Cancel);
        using var grace = new CancellationTokenSource();
        Task? graceTimer = null;
        var running = new Dictionary<Task<NodeResult>, string>();
        while (true)
        {
            if (cancelReason is null)
            {
                await StartReadyAsync(running);
            }
            if (running.Count == 0)
            {
                break;
            }
            var waitFor = new List<Task>(running.Keys);
            if (cancelReason is null)
            {
                waitFor.Add(cancel);
            }
            if (graceTimer is not null)
            {
                waitFor.Add(graceTimer);
            }
            var done = await Task.WhenAny(waitFor);
            if (done == cancel && cancelReason is null)
            {
                cancelReason = string.IsNullOrWhiteSpace(cancel.Result) ? "cancelled by the user" : cancel.Result;
                foreach (var key in running.Values.Where(nodeRuns.ContainsKey))
                {
                    context.SendEvent(nodeRuns[key], WorkflowEvents.Cancel, cancelReason);
                }
                graceTimer = context.CreateTimer(context.CurrentUtcDateTime.Add(PipelineRunOrchestration.CancelGrace), grace.Token);
            }
            else if (done == graceTimer)
            {
                foreach (var key in running.Values)
                {
                    plan.Ended(key, new NodeResult(WorkflowRunState.Cancelled, nodeRuns.GetValueOrDefault(key), "did not stop within the cancel grace period"));
                }
                break;
            }
            else if (done is Task<NodeResult> ended)
            {
                plan.Ended(running[ended], ended.Result);
                running.Remove(ended);
            }
        }
        if (graceTimer is not null && !graceTimer.IsCompleted)
        {
#pragma warning disable CA1849 // CancelAsync runs the callbacks off the orchestration thread, which breaks replay.
            grace.Cancel();
#pragma warning restore CA1849
        }
        return await FinishAsync();
    }

    /// <summary>Starts (or skips) every node that became ready; a skip may make more nodes ready, so it repeats until none is.</summary>
    private async Task StartReadyAsync(Dictionary<Task<NodeResult>, string> running)
    {
        while (plan.Ready() is { Count: > 0 } ready)
        {
            var skipped = false;
            foreach (var key in ready)
            {
                if (plan.SkipReason(key) is { } reason)
                {
                    plan.Skip(key, reason);
                    await SaveTaskAsync(key, WorkflowRunState.Cancelled, PipelineNames.SkippedPrefix + reason, null, null, null, null);
                    skipped = true;
                }
                else
                {
                    plan.Started(key);
                    running.Add(RunNodeAsync(key), key);
                }
            }
            if (!skipped)
            {
                return;
            }
        }
    }

    private async Task<NodeResult> RunNodeAsync(string key)
    {
        var node = graph[key];
        var started = context.CurrentUtcDateTime;
        var overrides = PipelineTemplates.Resolve(node.Parameters, Lookup, out var unresolved);
        if (unresolved.Count > 0)
        {
            var message = $"parameters cannot be resolved: {string.Join(", ", unresolved.Distinct())}";
            await SaveTaskAsync(key, WorkflowRunState.Failed, message, null, started, context.CurrentUtcDateTime, null);
            return new NodeResult(WorkflowRunState.Failed, null, message);
        }
        var nodeRun = await context.CallActivityAsync<WorkflowRun>(CreateRunActivity.Name, new WorkflowRun
        {
            Id = context.NewGuid().ToString(),
            DomainId = input.DomainId,
            Kind = RunKind.Job,
            Name = $"{input.PipelineName}/{key}",
            Trigger = RunTrigger.Pipeline,
            JobId = node.JobId,
            PipelineId = input.PipelineId,
            ParentRunId = input.RunId,
            NodeKey = key,
            RunAs = input.RunAs,
            CreatedBy = input.CreatedBy,
            Parameters = overrides?.ToJsonString(),
            DedupeKey = $"pipeline-node:{input.RunId}:{key}",
            CreatedAt = started,
        });
        if (cancelReason is not null)
        {
            // Cancelled before its job run started: nothing to stop, the node run ends here.
            await context.CallActivityAsync<bool>(MoveRunActivity.Name, new RunMove(nodeRun.Id, WorkflowRunState.Cancelled, cancelReason));
            await SaveTaskAsync(key, WorkflowRunState.Cancelled, cancelReason, nodeRun.Id, started, context.CurrentUtcDateTime, null);
            return new NodeResult(WorkflowRunState.Cancelled, nodeRun.Id, cancelReason);
        }
        // The job run is scheduled before the task shows RUNNING: from then on a cancel reaches it.
        nodeRuns[key] = nodeRun.Id;
        var job = RunJobAsync(node, nodeRun.Id, overrides?.ToJsonString());
        await SaveTaskAsync(key, WorkflowRunState.Running, null, nodeRun.Id, started, null, null);
        var outcome = await job;
        await SaveTaskAsync(key, outcome.State, outcome.Message, nodeRun.Id, started, context.CurrentUtcDateTime, outcome.Output);
        return new NodeResult(outcome.State, nodeRun.Id, outcome.Message, Output: outcome.Output);
    }

    private async Task<JobRunOutcome> RunJobAsync(PipelineNode node, string nodeRunId, string? overrides)
    {
        try
        {
            return await context.CallSubOrchestratorAsync<JobRunOutcome>(JobRunNames.Orchestration, new JobRunRequest
            {
                RunId = nodeRunId,
                DomainId = input.DomainId,
                JobId = node.JobId,
                RunAs = input.RunAs,
                Overrides = overrides,
                Retry = node.Retry,
                MaxExecutionSeconds = node.MaxExecutionSeconds,
            }, new SubOrchestrationOptions { InstanceId = nodeRunId });
        }
        catch (TaskFailedException e)
        {
            // The job-run orchestration itself failed, so it could not record an end: the node run crashed.
            var message = $"the job run crashed: {e.FailureDetails.ErrorMessage}";
            await context.CallActivityAsync<bool>(MoveRunActivity.Name, new RunMove(nodeRunId, WorkflowRunState.Crashed, message));
            return new JobRunOutcome(WorkflowRunState.Crashed, null, message);
        }
    }

    private string? Lookup(PipelineTemplates.Reference reference)
    {
        if (reference.Scope == PipelineTemplates.ParamsScope)
        {
            return input.Parameters.GetValueOrDefault(reference.Name);
        }
        if (!plan.Results.TryGetValue(reference.Name, out var upstream))
        {
            return null;
        }
        return reference.Field switch
        {
            "runId" => upstream.RunId,
            "state" => upstream.Skipped ? "SKIPPED" : upstream.State?.Name(),
            _ => PipelineTemplates.Field(upstream.Output, reference.Field!["output.".Length..]),
        };
    }

    private async Task<PipelineRunResult> FinishAsync()
    {
        foreach (var key in graph.Order.Where(k => !plan.IsSettled(k)))
        {
            var reason = $"pipeline run cancelled ({cancelReason})";
            plan.Skip(key, reason);
            await SaveTaskAsync(key, WorkflowRunState.Cancelled, PipelineNames.SkippedPrefix + reason, null, null, null, null);
        }
        var (state, message) = cancelReason is null ? plan.Final() : (WorkflowRunState.Cancelled, $"{cancelReason}; {plan.Summary()}");
        var output = JsonSerializer.Serialize(new
        {
            nodes = plan.Results.ToDictionary(r => r.Key, r => new { state = r.Value.Skipped ? "SKIPPED" : r.Value.State?.Name(), runId = r.Value.RunId }),
        }, Json.Options);
        await context.CallActivityAsync<bool>(MoveRunActivity.Name, new RunMove(input.RunId, state, message, output));
        return new PipelineRunResult(state, plan.Results.ToDictionary(r => r.Key, r => r.Value));
    }

    private Task SaveTaskAsync(
        string key, WorkflowRunState state, string? message, string? nodeRunId, DateTime? started, DateTime? ended, string? output) =>
        context.CallActivityAsync<bool>(SaveRunTaskActivity.Name, new RunTask
        {
            RunId = input.RunId,
            TaskKey = key,
            Name = $"{key} (job {graph[key].JobId})",
            Position = graph.Order.ToList().IndexOf(key),
            State = state,
            StateMessage = message,
            ExternalId = nodeRunId,
            Output = output,
            StartedAt = started is { } s ? new DateTimeOffset(s, TimeSpan.Zero) : null,
            EndedAt = ended is { } e ? new DateTimeOffset(e, TimeSpan.Zero) : null,
        });
}
