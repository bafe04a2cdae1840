using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Iomete.Functions.Clusters.Runs;

namespace Iomete.Functions.Clusters.Orchestration;

/// <summary>What a run asks of its namespace: CPU (millicores), memory (MiB) and pods.</summary>
public sealed record ResourceDemandView(long CpuMillicores, long MemoryMiB, int Pods);

/// <summary>A job as the orchestrator needs it (the orchestrator's <c>JobInfo</c>).</summary>
public sealed record JobOrchestrationView(
    string Id, string DomainId, string Name, string Namespace, string Priority, string Concurrency, string? RunAs,
    int? MaxExecutionSeconds, ResourceDemandView Demand, string ApplicationType, string Flow);

/// <summary>A run as the orchestrator follows it; <see cref="Reason"/> says why an ABORTED run ended (USER, EXECUTION_TIMEOUT, …).</summary>
public sealed record OrchestratedRunView(string Id, string Status, bool Terminal, string? Message, string? Reason)
{
    public static OrchestratedRunView From(SparkRun run) => new(run.Id, run.Status, run.IsTerminal, run.ErrorMessage, run.Reason);
}

/// <summary>A run the orchestrator starts: idempotent by <see cref="SubmissionKey"/>; <see cref="RunAs"/> replaces the job's user.</summary>
public sealed record OrchestratedRunRequest
{
    [Required]
    [StringLength(200, MinimumLength = 1)]
    public string? SubmissionKey { get; init; }

    public string? RunAs { get; init; }

    /// <summary>The run's overrides (arguments, envVars, javaOptions, sparkConf, resourceTags).</summary>
    public JsonElement? Overrides { get; init; }
}

/// <summary>Whether the demand fits the namespace now; if not, the resource that blocks it (CPU, MEMORY, PODS, STORAGE).</summary>
public sealed record CapacityView(bool Fits, string? BlockingResource, string? Message);
