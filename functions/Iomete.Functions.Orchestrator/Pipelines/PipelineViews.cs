using System.Text.Json.Nodes;
using Iomete.Workflows.Jobs;
using Iomete.Workflows.Pipelines;
using Iomete.Workflows.Runs;

namespace Iomete.Functions.Orchestrator.Pipelines;

public sealed record PipelineNodeView(
    string Key, string JobId, JsonObject? Parameters, IReadOnlyList<PipelineDependency> DependsOn, JobRetryPolicy? Retry, int? MaxExecutionSeconds)
{
    public static PipelineNodeView From(PipelineNode n) => new(n.Key, n.JobId, n.Parameters, n.DependsOn, n.Retry, n.MaxExecutionSeconds);
}

/// <summary>A pipeline as the API shows it; <see cref="LastRunState"/> only in lists.</summary>
public sealed record PipelineView(
    string Id,
    string Domain,
    string Name,
    string? Description,
    string ResourceBundleId,
    IReadOnlyList<PipelineNodeView> Nodes,
    IReadOnlyDictionary<string, string> Parameters,
    IReadOnlyList<PipelineTag> Tags,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    long Version,
    WorkflowRunState? LastRunState = null)
{
    public static PipelineView From(Pipeline p, WorkflowRunState? lastRunState = null) => new(
        p.Id, p.DomainId, p.Name, p.Description, p.ResourceBundleId, p.Nodes.Select(PipelineNodeView.From).ToList(), p.Parameters, p.Tags,
        p.CreatedBy, p.CreatedAt, p.UpdatedAt, p.Version, lastRunState);
}

/// <summary>A pipeline run (or a node's job run) as the API shows it.</summary>
public sealed record PipelineRunView(
    string Id,
    string Domain,
    string Name,
    RunKind Kind,
    WorkflowRunState State,
    string? StateMessage,
    RunTrigger Trigger,
    string? PipelineId,
    string? ParentRunId,
    string? NodeKey,
    string? JobId,
    string? Parameters,
    string? Output,
    string? CreatedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? EndedAt)
{
    public static PipelineRunView From(WorkflowRun r) => new(
        r.Id, r.DomainId, r.Name, r.Kind, r.State, r.StateMessage, r.Trigger, r.PipelineId, r.ParentRunId, r.NodeKey, r.JobId, r.Parameters,
        r.Output, r.CreatedBy, r.CreatedAt, r.StartedAt, r.EndedAt);
}

/// <summary>A node of a run's DAG: its task state (SKIPPED nodes are CANCELLED tasks with a "skipped: …" message), its job run, timing.</summary>
public sealed record PipelineRunNodeView(
    string Key, string JobId, WorkflowRunState State, bool Skipped, bool Reused, string? RunId, string? Message, DateTimeOffset? StartedAt, DateTimeOffset? EndedAt);

/// <summary>An edge of a run's DAG: <see cref="To"/> waits for <see cref="From"/> under <see cref="Condition"/>.</summary>
public sealed record PipelineRunEdgeView(string From, string To, DependencyCondition Condition);

/// <summary>A pipeline run with its node tasks and the graph it executed (enough to draw it).</summary>
public sealed record PipelineRunDetailView(PipelineRunView Run, IReadOnlyList<PipelineRunNodeView> Nodes, IReadOnlyList<PipelineRunEdgeView> Edges)
{
    public static PipelineRunDetailView From(WorkflowRun run, IReadOnlyList<PipelineNode> graph, IReadOnlyList<RunTask> tasks)
    {
        var byKey = tasks.ToDictionary(t => t.TaskKey, StringComparer.Ordinal);
        var nodes = graph.Select(n => byKey.TryGetValue(n.Key, out var t)
            ? new PipelineRunNodeView(n.Key, n.JobId, t.State, IsSkipped(t), t.StateMessage?.StartsWith(PipelineNames.ReusedPrefix, StringComparison.Ordinal) == true,
                t.ExternalId, t.StateMessage, t.StartedAt, t.EndedAt)
            : new PipelineRunNodeView(n.Key, n.JobId, WorkflowRunState.Pending, false, false, null, null, null, null)).ToList();
        var edges = graph.SelectMany(n => n.DependsOn.Select(d => new PipelineRunEdgeView(d.Node, n.Key, d.Condition))).ToList();
        return new PipelineRunDetailView(PipelineRunView.From(run), nodes, edges);
    }

    private static bool IsSkipped(RunTask t) =>
        t.State == WorkflowRunState.Cancelled && t.ExternalId is null && t.StateMessage?.StartsWith(PipelineNames.SkippedPrefix, StringComparison.Ordinal) == true;
}
