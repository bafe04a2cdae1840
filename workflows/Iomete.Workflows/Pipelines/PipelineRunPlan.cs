using Iomete.Workflows.Runs;

namespace Iomete.Workflows.Pipelines;

/// <summary>
/// The bookkeeping of one pipeline run (pure and deterministic, so the orchestration can replay it): which nodes wait, run,
/// ended or were skipped, which may start now, and the run's final state.
/// </summary>
/// <remarks>
/// A node starts when every dependency is satisfied: ON_SUCCESS by an upstream that COMPLETED, ON_FAILURE by one that ended
/// FAILED, TIMED_OUT or CRASHED, ALWAYS by one that ended in any state or was skipped. When an upstream has settled and its
/// condition did not hold, the node is skipped. The run COMPLETED when every node that ran COMPLETED or, having failed, has a
/// dependent on an ON_FAILURE edge that ran (its failure was handled); otherwise FAILED. Skipped nodes do not count.
/// </remarks>
public sealed class PipelineRunPlan
{
    private readonly PipelineGraph graph;
    private readonly Dictionary<string, NodeResult> settled = new(StringComparer.Ordinal);
    private readonly HashSet<string> running = new(StringComparer.Ordinal);

    public PipelineRunPlan(PipelineGraph graph, IReadOnlyDictionary<string, ReusedNode> reused)
    {
        this.graph = graph;
        foreach (var (key, node) in reused.Where(r => graph.Contains(r.Key)))
        {
            settled[key] = new NodeResult(WorkflowRunState.Completed, node.NodeRunId, PipelineNames.ReusedPrefix + node.FromRunId, Reused: true, Output: node.Output);
        }
    }

    public IReadOnlyDictionary<string, NodeResult> Results => settled;

    public bool IsSettled(string key) => settled.ContainsKey(key);

    /// <summary>Nodes not started yet whose dependencies have all settled, in topological order.</summary>
    public IReadOnlyList<string> Ready() =>
        graph.Order.Where(k => !settled.ContainsKey(k) && !running.Contains(k) && graph[k].DependsOn.All(d => settled.ContainsKey(d.Node))).ToList();

    /// <summary>Null when <paramref name="key"/> may run; otherwise why it is skipped.</summary>
    public string? SkipReason(string key)
    {
        foreach (var dependency in graph[key].DependsOn)
        {
            var upstream = settled[dependency.Node];
            var met = dependency.Condition switch
            {
                DependencyCondition.OnSuccess => upstream.State == WorkflowRunState.Completed,
                DependencyCondition.OnFailure => IsFailure(upstream.State),
                _ => true,
            };
            if (!met)
            {
                var what = upstream.Skipped ? "was skipped" : $"ended {upstream.State?.Name()}";
                return $"upstream '{dependency.Node}' {what} (needs {ConditionName(dependency.Condition)})";
            }
        }
        return null;
    }

    public void Started(string key) => running.Add(key);

    public void Ended(string key, NodeResult result)
    {
        running.Remove(key);
        settled[key] = result;
    }

    public void Skip(string key, string reason)
    {
        running.Remove(key);
        settled[key] = new NodeResult(null, null, PipelineNames.SkippedPrefix + reason, Skipped: true);
    }

    /// <summary>COMPLETED or FAILED by the rule above (call once every node settled).</summary>
    public (WorkflowRunState State, string Message) Final()
    {
        var unhandled = settled.Where(s => !s.Value.Skipped && s.Value.State != WorkflowRunState.Completed && !Handled(s.Key))
            .Select(s => $"'{s.Key}' ended {s.Value.State?.Name()}").ToList();
        var summary = Summary();
        return unhandled.Count == 0
            ? (WorkflowRunState.Completed, summary)
            : (WorkflowRunState.Failed, $"{string.Join(", ", unhandled)} without an ON_FAILURE handler; {summary}");
    }

    public string Summary()
    {
        var completed = settled.Count(s => s.Value.State == WorkflowRunState.Completed);
        var skipped = settled.Count(s => s.Value.Skipped);
        var failed = settled.Count - completed - skipped;
        return $"{completed} completed, {failed} not completed, {skipped} skipped of {graph.Nodes.Count} nodes";
    }

    /// <summary>A failure is handled when a dependent on an ON_FAILURE edge from it ran.</summary>
    private bool Handled(string key) =>
        graph.Dependents(key).Any(d => d.Condition == DependencyCondition.OnFailure
                                        && settled.TryGetValue(d.Node.Key, out var handler) && !handler.Skipped);

    public static bool IsFailure(WorkflowRunState? state) =>
        state is WorkflowRunState.Failed or WorkflowRunState.TimedOut or WorkflowRunState.Crashed;

    public static string ConditionName(DependencyCondition condition) => condition switch
    {
        DependencyCondition.OnSuccess => "ON_SUCCESS",
        DependencyCondition.OnFailure => "ON_FAILURE",
        _ => "ALWAYS",
    };
}
