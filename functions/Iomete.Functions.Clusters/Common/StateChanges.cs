namespace Iomete.Functions.Clusters.Common;

/// <summary>Topics the cluster service publishes on (Dapr pub/sub in a cluster, in-process locally).</summary>
public static class ClusterTopics
{
    /// <summary>Every change of a Spark job run's status (<see cref="SparkRunStateChanged"/>).</summary>
    public const string SparkRuns = "spark-runs";

    /// <summary>Every change of a compute cluster's state (<see cref="ComputeStateChanged"/>).</summary>
    public const string Compute = "compute-clusters";
}

/// <summary>
/// A run moved from <paramref name="PreviousStatus"/> to <paramref name="Status"/> (IOMETE's driverStatus values).
/// <paramref name="Reason"/> says why an ABORTED run ended: <c>USER</c>, <c>EXECUTION_TIMEOUT</c> or <c>STARTUP_TIMEOUT</c>.
/// </summary>
public sealed record SparkRunStateChanged(
    string Domain,
    string JobId,
    string JobName,
    string RunId,
    string? PreviousStatus,
    string Status,
    string? Reason,
    string? ErrorMessage,
    DateTimeOffset At);

/// <summary>A compute cluster moved from <paramref name="PreviousState"/> to <paramref name="State"/> (STARTING, ACTIVE, STOPPED, FAILED).</summary>
public sealed record ComputeStateChanged(
    string Domain,
    string ClusterId,
    string ClusterName,
    string? PreviousState,
    string State,
    string? Reason,
    DateTimeOffset At);
