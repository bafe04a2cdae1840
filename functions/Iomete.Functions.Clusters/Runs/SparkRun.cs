using Iomete.Functions.Clusters.Jobs;

namespace Iomete.Functions.Clusters.Runs;

/// <summary>One run of a job (IOMETE's "Spark application"): the configuration it started with and what became of it.</summary>
public sealed record SparkRun
{
    public required string Id { get; init; }
    public required string DomainId { get; init; }
    public required string JobId { get; init; }
    public required string JobName { get; init; }
    /// <summary>The SparkApplication's name (<c>run-{id}</c>); SQL runs carry it too, though nothing is created on Kubernetes.</summary>
    public required string Name { get; init; }
    public required string Namespace { get; init; }
    public required string ApplicationType { get; init; }
    /// <summary>The effective template: the job's, with the run's overrides applied.</summary>
    public required JobTemplate Config { get; init; }
    public IReadOnlyList<ResourceTag> ResourceTags { get; init; } = [];
    public string Status { get; init; } = RunStatus.Enqueued;
    /// <summary>Why an ABORTED run ended: USER, EXECUTION_TIMEOUT.</summary>
    public string? Reason { get; init; }
    public string? ErrorMessage { get; init; }
    /// <summary>The spark-operator's own state, as last seen.</summary>
    public string? OperatorState { get; init; }
    public int ExecutorsRunning { get; init; }
    public int ExecutorsPending { get; init; }
    public int TotalExecutors { get; init; }
    public int SubmissionAttempts { get; init; }
    public int ExecutionAttempts { get; init; }
    public string? SparkUi { get; init; }
    public required string TriggeredBy { get; init; }
    public required string RunAsUser { get; init; }
    public long? MaxDurationSeconds { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? StartedAt { get; init; }
    public DateTimeOffset? TerminatedAt { get; init; }
    /// <summary>True once the run's SparkApplication was deleted (cancel, garbage collection).</summary>
    public bool AppDeleted { get; init; }
    /// <summary>SQL runs: the query running now.</summary>
    public string? SqlQueryId { get; init; }
    /// <summary>SQL runs: what each statement did.</summary>
    public string? Log { get; init; }
    public long Version { get; init; }

    public bool IsSql => ApplicationType == JobTemplate.Sql;
    public bool IsTerminal => RunStatus.IsTerminal(Status);
}
