namespace Iomete.Functions.Clusters.DataPlane;

/// <summary>
/// A SparkApplication's <c>status.applicationState.state</c> (spark-operator v1beta2) as our run and cluster states see it.
/// Only COMPLETED and FAILED (and the object's deletion) are terminal: the operator moves FAILING, SUBMISSION_FAILED and
/// SUCCEEDING on by itself (to PENDING_RERUN while retries remain).
/// </summary>
public static class SparkApplicationState
{
    public const string New = "";

    public static RunPhase Phase(string? state) => (state ?? "") switch
    {
        "" or "SUBMITTED" or "PENDING_RERUN" or "INVALIDATING" or "RESUMING" => RunPhase.Starting,
        "RUNNING" or "SUCCEEDING" or "FAILING" => RunPhase.Running,
        "COMPLETED" => RunPhase.Completed,
        "FAILED" => RunPhase.Failed,
        "SUBMISSION_FAILED" => RunPhase.Starting,
        "SUSPENDING" or "SUSPENDED" => RunPhase.Suspended,
        _ => RunPhase.Unknown,
    };

    public static bool IsTerminal(string? state) => Phase(state) is RunPhase.Completed or RunPhase.Failed;
}

/// <summary>Where an application is in its life, independent of the operator's finer states.</summary>
public enum RunPhase
{
    Starting,
    Running,
    Completed,
    Failed,
    Suspended,
    Unknown,
}

/// <summary>One observed state of a SparkApplication (from a create, a get or a watch event).</summary>
public sealed record SparkApplicationStatus(string Namespace, string Name, string State, string? ErrorMessage, string? ResourceVersion, bool Deleted = false)
{
    /// <summary>The object's labels (ours: <see cref="Kubernetes.ManifestLabels"/>), empty when the answer had none.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; init; } = new Dictionary<string, string>();

    /// <summary>The object's whole <c>status</c> (attempt counts, executor states, driver UI), when the answer had one.</summary>
    public System.Text.Json.JsonElement? StatusObject { get; init; }

    public RunPhase Phase => Deleted ? RunPhase.Failed : SparkApplicationState.Phase(State);
}
