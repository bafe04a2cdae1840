namespace Iomete.Functions.Push.Sources;

/// <summary>The clusters service's <c>SparkRunStateChanged</c> (topic <c>spark-runs</c>), read from its JSON.</summary>
public sealed record SparkRunChange(
    string Domain,
    string JobId,
    string RunId,
    string Status,
    string? JobName = null,
    string? PreviousStatus = null,
    string? Reason = null,
    string? ErrorMessage = null,
    DateTimeOffset? At = null);

/// <summary>The clusters service's <c>ComputeStateChanged</c> (topic <c>compute-clusters</c>), read from its JSON.</summary>
public sealed record ComputeChange(
    string Domain,
    string ClusterId,
    string State,
    string? ClusterName = null,
    string? PreviousState = null,
    string? Reason = null,
    DateTimeOffset? At = null);

/// <summary>The topics of the clusters service (its project is not referenced: the payloads are read from JSON).</summary>
internal static class ClusterTopicNames
{
    public const string SparkRuns = "spark-runs";
    public const string Compute = "compute-clusters";
}
