using System.Text.Json;
using Iomete.Platform.Errors;
using Iomete.Platform.Http;
using Iomete.Platform.Time;
using Iomete.Workflows.Runs;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace Iomete.Workflows.Pipelines;

/// <summary>Starts pipeline runs and re-runs: records the run and its graph, then schedules the orchestration (instance id = run id).</summary>
public sealed class PipelineLauncher(
    WorkflowRunStore runs, RunJournal journal, PipelineStore pipelines, DurableTaskClient client, IIdGenerator ids, TimeProvider clock)
{
    /// <summary>
    /// A new run of <paramref name="pipeline"/> with its parameters overridden by <paramref name="overrides"/>. With an
    /// <paramref name="idempotencyKey"/>, a repeated call returns the run the first call made (Created false).
    /// </summary>
    public async Task<(WorkflowRun Run, bool Created)> StartAsync(
        Pipeline pipeline, IReadOnlyDictionary<string, string>? overrides, string createdBy, string? idempotencyKey, CancellationToken ct)
    {
        var parameters = new Dictionary<string, string>(pipeline.Parameters, StringComparer.Ordinal);
        foreach (var (name, value) in overrides ?? new Dictionary<string, string>())
        {
            parameters[name] = value;
        }
        RequireParameters(pipeline.Nodes, parameters);
        var (run, created) = await runs.InsertAsync(NewRun(pipeline, RunTrigger.Manual, createdBy, parameters, null,
            idempotencyKey is null ? null : $"pipeline:{pipeline.Id}:idempotency:{idempotencyKey}"), ct);
        if (created || await client.GetInstanceAsync(run.Id, ct) is null)
        {
            var nodes = await pipelines.RunGraphAsync(run.Id, ct) ?? pipeline.Nodes;
            await ScheduleAsync(run, pipeline, nodes, Parameters(run), new Dictionary<string, ReusedNode>(), ct);
        }
        return (run, created);
    }

    /// <summary>
    /// A new run (trigger RETRY, parent = <paramref name="original"/>) that takes over every node that COMPLETED in the original
    /// with the same job and parameters and is not downstream of a node that runs again, and runs the rest.
    /// </summary>
    public async Task<WorkflowRun> RerunAsync(Pipeline pipeline, WorkflowRun original, string createdBy, CancellationToken ct)
    {
        if (original.Kind != RunKind.Pipeline || original.PipelineId != pipeline.Id)
        {
            throw new NotFoundException("Pipeline run", original.Id);
        }
        if (!original.State.IsTerminal())
        {
            throw new ConflictException($"Run '{original.Id}' is {original.State.Name()}; only an ended run can be re-run.");
        }
        var reused = await ReusableAsync(pipeline, original, ct);
        if (reused.Count == pipeline.Nodes.Count)
        {
            throw new ConflictException($"Every node of run '{original.Id}' completed; there is nothing to re-run (start a new run instead).");
        }
        var parameters = Parameters(original);
        RequireParameters(pipeline.Nodes, parameters);
        var (run, _) = await runs.InsertAsync(NewRun(pipeline, RunTrigger.Retry, createdBy, parameters, original.Id, null), ct);
        await ScheduleAsync(run, pipeline, pipeline.Nodes, parameters, reused, ct);
        return run;
    }

    private async Task<Dictionary<string, ReusedNode>> ReusableAsync(Pipeline pipeline, WorkflowRun original, CancellationToken ct)
    {
        var graph = PipelineGraph.Validate(pipeline.Nodes);
        var before = (await pipelines.RunGraphAsync(original.Id, ct) ?? []).ToDictionary(n => n.Key, StringComparer.Ordinal);
        var completed = (await journal.TasksAsync(original.Id, ct))
            .Where(t => t.State == WorkflowRunState.Completed && graph.Contains(t.TaskKey)
                        && before.TryGetValue(t.TaskKey, out var old) && Same(old, graph[t.TaskKey]))
            .ToDictionary(t => t.TaskKey, StringComparer.Ordinal);
        var again = graph.Order.Where(k => !completed.ContainsKey(k)).ToList();
        var downstream = again.SelectMany(graph.Descendants).ToHashSet(StringComparer.Ordinal);
        return completed.Where(c => !downstream.Contains(c.Key)).ToDictionary(
            c => c.Key, c => new ReusedNode(OriginOf(c.Value, original.Id), c.Value.ExternalId, c.Value.Output), StringComparer.Ordinal);
    }

    /// <summary>A node reused twice keeps naming the run that really executed it.</summary>
    private static string OriginOf(RunTask task, string runId) =>
        task.StateMessage is { } message && message.StartsWith(PipelineNames.ReusedPrefix, StringComparison.Ordinal)
            ? message[PipelineNames.ReusedPrefix.Length..]
            : runId;

    private static bool Same(PipelineNode a, PipelineNode b) =>
        a.JobId == b.JobId && (a.Parameters?.ToJsonString() ?? "") == (b.Parameters?.ToJsonString() ?? "");

    private async Task ScheduleAsync(
        WorkflowRun run, Pipeline pipeline, IReadOnlyList<PipelineNode> nodes, IReadOnlyDictionary<string, string> parameters,
        IReadOnlyDictionary<string, ReusedNode> reused, CancellationToken ct)
    {
        await pipelines.SaveRunGraphAsync(run.Id, pipeline.Id, nodes, ct);
        await client.ScheduleNewOrchestrationInstanceAsync(PipelineNames.Orchestration, new PipelineRunRequest
        {
            RunId = run.Id,
            DomainId = pipeline.DomainId,
            PipelineId = pipeline.Id,
            PipelineName = pipeline.Name,
            Nodes = nodes,
            Parameters = parameters,
            CreatedBy = run.CreatedBy,
            Reused = reused,
        }, new StartOrchestrationOptions(run.Id), ct);
    }

    private WorkflowRun NewRun(
        Pipeline pipeline, RunTrigger trigger, string createdBy, IReadOnlyDictionary<string, string> parameters, string? parentRunId, string? dedupeKey) => new()
    {
        Id = ids.NewId(),
        DomainId = pipeline.DomainId,
        Kind = RunKind.Pipeline,
        Name = pipeline.Name,
        Trigger = trigger,
        PipelineId = pipeline.Id,
        ParentRunId = parentRunId,
        CreatedBy = createdBy,
        Parameters = JsonSerializer.Serialize(parameters, Json.Options),
        DedupeKey = dedupeKey,
        CreatedAt = clock.GetUtcNow(),
    };

    private static Dictionary<string, string> Parameters(WorkflowRun run) =>
        string.IsNullOrEmpty(run.Parameters) ? [] : JsonSerializer.Deserialize<Dictionary<string, string>>(run.Parameters, Json.Options) ?? [];

    /// <summary>Every <c>${params.NAME}</c> a node reads must have a value (400 otherwise).</summary>
    public static void RequireParameters(IEnumerable<PipelineNode> nodes, IReadOnlyDictionary<string, string> parameters)
    {
        var missing = nodes.SelectMany(n => PipelineTemplates.References(n.Parameters)
                .Where(r => r.Scope == PipelineTemplates.ParamsScope && !parameters.ContainsKey(r.Name))
                .Select(r => $"node '{n.Key}' reads ${{params.{r.Name}}}"))
            .Distinct().ToList();
        if (missing.Count > 0)
        {
            throw ValidationException.ForField("parameters", $"missing values: {string.Join("; ", missing)}");
        }
    }
}
