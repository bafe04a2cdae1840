using Iomete.Workflows.Runs;

namespace Iomete.Workflows.Pipelines;

/// <summary>
/// Input of the pipeline-run orchestration (<see cref="PipelineNames.Orchestration"/>, instance id = <see cref="RunId"/>; the run
/// record exists already). <see cref="Nodes"/> is the graph as it was when the run started; <see cref="Parameters"/> the pipeline
/// parameters after the run's overrides; <see cref="Reused"/> the nodes a re-run takes over from the run it repeats.
/// </summary>
public sealed record PipelineRunRequest
{
    public required string RunId { get; init; }
    public required string DomainId { get; init; }
    public required string PipelineId { get; init; }
    public required string PipelineName { get; init; }
    public required IReadOnlyList<PipelineNode> Nodes { get; init; }
    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>();
    /// <summary>The user the node jobs run as; null: each job's run-as user.</summary>
    public string? RunAs { get; init; }
    public string? CreatedBy { get; init; }
    public IReadOnlyDictionary<string, ReusedNode> Reused { get; init; } = new Dictionary<string, ReusedNode>();
}

/// <summary>A node that COMPLETED in <see cref="FromRunId"/> (a pipeline run) as job run <see cref="NodeRunId"/>, with its output.</summary>
public sealed record ReusedNode(string FromRunId, string? NodeRunId, string? Output);

/// <summary>How each node ended: its state (null when skipped), its job run, and why.</summary>
public sealed record NodeResult(WorkflowRunState? State, string? RunId, string? Message, bool Skipped = false, bool Reused = false, string? Output = null);

/// <summary>The pipeline run's final state and each node's result.</summary>
public sealed record PipelineRunResult(WorkflowRunState State, IReadOnlyDictionary<string, NodeResult> Nodes);

public static class PipelineNames
{
    public const string Orchestration = "pipeline-run";

    /// <summary>The task message of a node that did not run because its conditions cannot hold any more.</summary>
    public const string SkippedPrefix = "skipped: ";

    /// <summary>The task message of a node a re-run took over from the run it repeats.</summary>
    public const string ReusedPrefix = "reused from run ";
}
