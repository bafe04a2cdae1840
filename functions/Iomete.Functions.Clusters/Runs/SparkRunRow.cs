using System.Text.Json;
using Iomete.Functions.Clusters.Jobs;
using Iomete.Platform.Http;

namespace Iomete.Functions.Clusters.Runs;

/// <summary>A row of <c>spark_runs</c>: instants in epoch milliseconds, config and tags as JSON.</summary>
internal sealed class SparkRunRow
{
    public string Id { get; set; } = "";
    public string DomainId { get; set; } = "";
    public string JobId { get; set; } = "";
    public string JobName { get; set; } = "";
    public string Name { get; set; } = "";
    public string Namespace { get; set; } = "";
    public string ApplicationType { get; set; } = "";
    public string Config { get; set; } = "{}";
    public string ResourceTags { get; set; } = "[]";
    public string Status { get; set; } = "";
    public string? Reason { get; set; }
    public string? ErrorMessage { get; set; }
    public string? OperatorState { get; set; }
    public int ExecutorsRunning { get; set; }
    public int ExecutorsPending { get; set; }
    public int TotalExecutors { get; set; }
    public int SubmissionAttempts { get; set; }
    public int ExecutionAttempts { get; set; }
    public string? SparkUi { get; set; }
    public string TriggeredBy { get; set; } = "";
    public string RunAsUser { get; set; } = "";
    public long? MaxDurationS { get; set; }
    public long CreatedMs { get; set; }
    public long? StartedMs { get; set; }
    public long? TerminatedMs { get; set; }
    public bool AppDeleted { get; set; }
    public string? SqlQueryId { get; set; }
    public string? Log { get; set; }
    public long Version { get; set; }

    public const string Columns =
        "id AS Id, domain_id AS DomainId, job_id AS JobId, job_name AS JobName, name AS Name, namespace AS Namespace, " +
        "application_type AS ApplicationType, config AS Config, resource_tags AS ResourceTags, status AS Status, reason AS Reason, " +
        "error_message AS ErrorMessage, operator_state AS OperatorState, executors_running AS ExecutorsRunning, " +
        "executors_pending AS ExecutorsPending, total_executors AS TotalExecutors, submission_attempts AS SubmissionAttempts, " +
        "execution_attempts AS ExecutionAttempts, spark_ui AS SparkUi, triggered_by AS TriggeredBy, run_as_user AS RunAsUser, " +
        "max_duration_s AS MaxDurationS, created_ms AS CreatedMs, started_ms AS StartedMs, terminated_ms AS TerminatedMs, " +
        "app_deleted AS AppDeleted, sql_query_id AS SqlQueryId, log AS Log, version AS Version";

    public static SparkRunRow From(SparkRun r) => new()
    {
        Id = r.Id,
        DomainId = r.DomainId,
        JobId = r.JobId,
        JobName = r.JobName,
        Name = r.Name,
        Namespace = r.Namespace,
        ApplicationType = r.ApplicationType,
        Config = JsonSerializer.Serialize(r.Config, Json.Options),
        ResourceTags = JsonSerializer.Serialize(r.ResourceTags, Json.Options),
        Status = r.Status,
        Reason = r.Reason,
        ErrorMessage = r.ErrorMessage,
        OperatorState = r.OperatorState,
        ExecutorsRunning = r.ExecutorsRunning,
        ExecutorsPending = r.ExecutorsPending,
        TotalExecutors = r.TotalExecutors,
        SubmissionAttempts = r.SubmissionAttempts,
        ExecutionAttempts = r.ExecutionAttempts,
        SparkUi = r.SparkUi,
        TriggeredBy = r.TriggeredBy,
        RunAsUser = r.RunAsUser,
        MaxDurationS = r.MaxDurationSeconds,
        CreatedMs = r.CreatedAt.ToUnixTimeMilliseconds(),
        StartedMs = r.StartedAt?.ToUnixTimeMilliseconds(),
        TerminatedMs = r.TerminatedAt?.ToUnixTimeMilliseconds(),
        AppDeleted = r.AppDeleted,
        SqlQueryId = r.SqlQueryId,
        Log = r.Log,
        Version = r.Version,
    };

    public SparkRun ToRun() => new()
    {
        Id = Id,
        DomainId = DomainId,
        JobId = JobId,
        JobName = JobName,
        Name = Name,
        Namespace = Namespace,
        ApplicationType = ApplicationType,
        Config = JsonSerializer.Deserialize<JobTemplate>(Config, Json.Options) ?? new JobTemplate(),
        ResourceTags = JsonSerializer.Deserialize<List<ResourceTag>>(ResourceTags, Json.Options) ?? [],
        Status = Status,
        Reason = Reason,
        ErrorMessage = ErrorMessage,
        OperatorState = OperatorState,
        ExecutorsRunning = ExecutorsRunning,
        ExecutorsPending = ExecutorsPending,
        TotalExecutors = TotalExecutors,
        SubmissionAttempts = SubmissionAttempts,
        ExecutionAttempts = ExecutionAttempts,
        SparkUi = SparkUi,
        TriggeredBy = TriggeredBy,
        RunAsUser = RunAsUser,
        MaxDurationSeconds = MaxDurationS,
        CreatedAt = DateTimeOffset.FromUnixTimeMilliseconds(CreatedMs),
        StartedAt = StartedMs is { } s ? DateTimeOffset.FromUnixTimeMilliseconds(s) : null,
        TerminatedAt = TerminatedMs is { } t ? DateTimeOffset.FromUnixTimeMilliseconds(t) : null,
        AppDeleted = AppDeleted,
        SqlQueryId = SqlQueryId,
        Log = Log,
        Version = Version,
    };
}
