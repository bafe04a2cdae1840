using System.ComponentModel.DataAnnotations;

namespace Iomete.Functions.Clusters.Orchestration;

/// <summary>What the job orchestrator may ask of this service. Section <c>Iomete:Clusters:Orchestration</c>.</summary>
public sealed class OrchestrationOptions
{
    public const string Section = "Iomete:Clusters:Orchestration";

    /// <summary>Without a Kubernetes data plane (embedded): how many orchestrated runs may be active per namespace at once.</summary>
    [Range(1, 1000)]
    public int LocalConcurrencyPerNamespace { get; set; } = 4;

    /// <summary>The app id of the orchestrator service (jobs with <c>flow: PRIORITY</c> are started through it).</summary>
    [Required]
    public string OrchestratorAppId { get; set; } = "orchestrator";
}
