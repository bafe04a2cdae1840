using System.ComponentModel.DataAnnotations;
using System.Text.Json.Nodes;
using Iomete.Workflows.Jobs;
using Iomete.Workflows.Pipelines;

namespace Iomete.Functions.Orchestrator.Pipelines;

/// <summary>A node of a pipeline as a request gives it.</summary>
public sealed record PipelineNodeRequest
{
    /// <summary>Unique in the pipeline: 1-64 of a-z, 0-9, '_' and '-'.</summary>
    public string? Key { get; init; }

    /// <summary>A Spark or SQL job of the domain (clusters service).</summary>
    public string? JobId { get; init; }

    /// <summary>
    /// The job's run overrides (arguments, envVars, sparkConf, …); string values may read <c>${nodes.KEY.runId}</c>,
    /// <c>${nodes.KEY.state}</c>, <c>${nodes.KEY.output.FIELD}</c> of upstream nodes and <c>${params.NAME}</c>.
    /// </summary>
    public JsonObject? Parameters { get; init; }

    public List<DependencyRequest?>? DependsOn { get; init; }

    public JobRetryPolicy? Retry { get; init; }

    public int? MaxExecutionSeconds { get; init; }
}

/// <summary>An edge: wait for <see cref="Node"/>; <see cref="Condition"/> ON_SUCCESS (default), ON_FAILURE or ALWAYS.</summary>
public sealed record DependencyRequest
{
    public string? Node { get; init; }

    public DependencyCondition? Condition { get; init; }
}

public sealed record CreatePipelineRequest
{
    [Required]
    public string? Name { get; init; }

    public string? Description { get; init; }

    /// <summary>The resource bundle that holds the pipeline (its permissions come from there).</summary>
    [Required]
    public string? ResourceBundleId { get; init; }

    [Required]
    public List<PipelineNodeRequest?>? Nodes { get; init; }

    /// <summary>Default pipeline parameters (name → value), readable as <c>${params.NAME}</c>, overridable per run.</summary>
    public Dictionary<string, string>? Parameters { get; init; }

    public List<PipelineTag?>? Tags { get; init; }
}

/// <summary>A new definition; absent fields keep their value.</summary>
public sealed record UpdatePipelineRequest
{
    /// <summary>The version that was read; 409 when the pipeline changed since.</summary>
    [Required]
    public long? Version { get; init; }

    public string? Name { get; init; }

    public string? Description { get; init; }

    public string? ResourceBundleId { get; init; }

    public List<PipelineNodeRequest?>? Nodes { get; init; }

    public Dictionary<string, string>? Parameters { get; init; }

    public List<PipelineTag?>? Tags { get; init; }
}

public sealed record StartPipelineRunRequest
{
    /// <summary>Overrides of the pipeline parameters for this run.</summary>
    public Dictionary<string, string>? Parameters { get; init; }
}
