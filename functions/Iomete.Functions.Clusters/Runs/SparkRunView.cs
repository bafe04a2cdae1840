using System.Text.Json.Serialization;
using Iomete.Functions.Clusters.Jobs;
using Iomete.Functions.Clusters.SparkHistory;

namespace Iomete.Functions.Clusters.Runs;

/// <summary>Executors by state, with IOMETE's upper-case keys.</summary>
public sealed record ExecutorsState(
    [property: JsonPropertyName("RUNNING")] int Running,
    [property: JsonPropertyName("PENDING")] int Pending);

/// <summary>A run as the API shows it (IOMETE's run fields); the config's credential-like values are masked.</summary>
public sealed record SparkRunView(
    string Id,
    string Name,
    string JobId,
    string JobName,
    string Domain,
    string Namespace,
    string ApplicationType,
    JobTemplate Config,
    string Status,
    string DriverStatus,
    string? Reason,
    string? DriverErrorMessage,
    ExecutorsState ExecutorsState,
    int TotalExecutors,
    int SubmissionAttempts,
    int ExecutionAttempts,
    string? SparkUI,
    string? SparkHistoryUrl,
    IReadOnlyList<ResourceTag> ResourceTags,
    string TriggeredBy,
    string CreatedBy,
    string RunAsUser,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? TerminationTime,
    long? DurationMs,
    bool ApplicationDeleted)
{
    public static SparkRunView From(SparkRun r, DateTimeOffset now, SparkHistoryLocation history) => new(
        r.Id, r.Name, r.JobId, r.JobName, r.DomainId, r.Namespace, r.ApplicationType, SecretMasking.Masked(r.Config),
        r.Status, r.Status, r.Reason, r.ErrorMessage, new ExecutorsState(r.ExecutorsRunning, r.ExecutorsPending), r.TotalExecutors,
        r.SubmissionAttempts, r.ExecutionAttempts, r.SparkUi, RunApplications.HistoryUrl(r, history), r.ResourceTags, r.TriggeredBy, r.TriggeredBy, r.RunAsUser,
        r.CreatedAt, r.StartedAt, r.TerminatedAt, Duration(r, now), r.AppDeleted);

    public static long? Duration(SparkRun r, DateTimeOffset now)
    {
        var start = r.StartedAt ?? (r.IsTerminal ? r.CreatedAt : (DateTimeOffset?)null);
        return start is null ? null : (long)((r.TerminatedAt ?? now) - start.Value).TotalMilliseconds;
    }
}

/// <summary>What the run's SparkApplication status says about its progress (the Metrics tab's numbers this service keeps).</summary>
public sealed record SparkRunMetrics(
    string RunId,
    string Status,
    string? OperatorState,
    ExecutorsState ExecutorsState,
    int TotalExecutors,
    int SubmissionAttempts,
    int ExecutionAttempts,
    long? QueuedMs,
    long? DurationMs,
    DateTimeOffset CreatedAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? TerminationTime)
{
    public static SparkRunMetrics From(SparkRun r, DateTimeOffset now) => new(
        r.Id, r.Status, r.OperatorState, new ExecutorsState(r.ExecutorsRunning, r.ExecutorsPending), r.TotalExecutors,
        r.SubmissionAttempts, r.ExecutionAttempts,
        r.StartedAt is { } s ? (long)(s - r.CreatedAt).TotalMilliseconds : null,
        SparkRunView.Duration(r, now), r.CreatedAt, r.StartedAt, r.TerminatedAt);
}

/// <summary>The driver's log of a run (SQL runs: the statement log), for the Logs tab.</summary>
public sealed record SparkRunLogs(string RunId, string Source, string? Range, string Logs);
