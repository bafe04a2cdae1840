using System.Text.Json.Nodes;
using Iomete.Workflows.Jobs;

namespace Iomete.Workflows.Pipelines;

/// <summary>
/// A pipeline: a DAG of job runs. Each node runs one job of the clusters service; edges say which upstream end lets a node
/// start. <see cref="Parameters"/> are the defaults a run starts with (overridable per run, readable as <c>${params.name}</c>).
/// </summary>
public sealed record Pipeline
{
    public required string Id { get; init; }
    public required string DomainId { get; init; }
    /// <summary>Unique in its domain.</summary>
    public required string Name { get; init; }
    public string? Description { get; init; }
    public required string ResourceBundleId { get; init; }
    public required IReadOnlyList<PipelineNode> Nodes { get; init; }
    /// <summary>Pipeline parameters (name → string value).</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>();
    public IReadOnlyList<PipelineTag> Tags { get; init; } = [];
    public required string CreatedBy { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }
    /// <summary>Optimistic-concurrency version, bumped by every update.</summary>
    public long Version { get; init; }
}

/// <summary>
/// One node: <see cref="Key"/> (unique in the pipeline, <c>[a-z0-9_-]</c>) runs job <see cref="JobId"/> with
/// <see cref="Parameters"/> as the job service's run overrides (arguments, envVars, sparkConf, …); string values may hold
/// <c>${nodes.key.runId|state|output.field}</c> and <c>${params.name}</c>, resolved when the node starts.
/// </summary>
public sealed record PipelineNode
{
    public required string Key { get; init; }
    public required string JobId { get; init; }
    public JsonObject? Parameters { get; init; }
    public IReadOnlyList<PipelineDependency> DependsOn { get; init; } = [];
    public JobRetryPolicy? Retry { get; init; }
    public int? MaxExecutionSeconds { get; init; }
}

/// <summary>An edge: this node waits for <see cref="Node"/> and starts only when <see cref="Condition"/> holds for its end.</summary>
public sealed record PipelineDependency(string Node, DependencyCondition Condition = DependencyCondition.OnSuccess);

/// <summary>When a dependency lets its dependent start.</summary>
public enum DependencyCondition
{
    /// <summary>The upstream node COMPLETED.</summary>
    OnSuccess,

    /// <summary>The upstream node FAILED, TIMED_OUT or CRASHED.</summary>
    OnFailure,

    /// <summary>The upstream node ended in any state, or was skipped.</summary>
    Always,
}

public sealed record PipelineTag(string Key, string Value);
