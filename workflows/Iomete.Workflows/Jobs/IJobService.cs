namespace Iomete.Workflows.Jobs;

/// <summary>
/// The platform's job service as the orchestrator sees it (the clusters service: Spark jobs and SQL jobs), reached by
/// service invocation. Every call acts for <see cref="JobSubmission.RunAs"/> or the job's run-as user, never for a caller's token.
/// </summary>
public interface IJobService
{
    /// <summary>The job's settings the orchestrator needs; throws <c>NotFoundException</c> when it does not exist.</summary>
    Task<JobInfo> GetJobAsync(string domainId, string jobId, CancellationToken ct);

    /// <summary>Starts a run of the job; idempotent by <see cref="JobSubmission.SubmissionKey"/> (a retried call returns the same run).</summary>
    Task<string> SubmitAsync(JobSubmission submission, CancellationToken ct);

    Task<JobServiceRun> GetRunAsync(string domainId, string externalRunId, CancellationToken ct);

    Task CancelAsync(string domainId, string externalRunId, CancellationToken ct);

    /// <summary>
    /// The job as <paramref name="userId"/> may see it, after the job service checked that user holds <paramref name="permission"/> on it
    /// (VIEW, RUN, …); 403/404 as the job service answers.
    /// </summary>
    Task<JobInfo> GetJobAsUserAsync(string domainId, string jobId, string userId, string permission, CancellationToken ct);

    /// <summary>Whether <paramref name="demand"/> fits in the namespace now, and if not, which resource blocks it.</summary>
    Task<CapacityCheck> CheckCapacityAsync(string domainId, string @namespace, ResourceDemand demand, CancellationToken ct);
}

/// <summary>A job as the orchestrator needs it. <see cref="Concurrency"/>: ALLOW, FORBID or REPLACE; <see cref="Priority"/>: HIGH or NORMAL.</summary>
public sealed record JobInfo(
    string Id, string DomainId, string Name, string Namespace, string Priority, string Concurrency, string? RunAs,
    int? MaxExecutionSeconds, ResourceDemand Demand, string ApplicationType);

/// <summary>What a run asks of its namespace: CPU (millicores), memory (MiB) and pods.</summary>
public sealed record ResourceDemand(long CpuMillicores, long MemoryMiB, int Pods);

/// <summary><see cref="BlockingResource"/>: CPU, MEMORY, PODS or STORAGE when it does not fit.</summary>
public sealed record CapacityCheck(bool Fits, string? BlockingResource, string? Message);

public sealed record JobSubmission(string DomainId, string JobId, string SubmissionKey, string? RunAs, string? Overrides);

/// <summary>
/// A run in the job service: its status (RUNNING, COMPLETED, FAILED, ABORTED, …), whether it ended, and why; <see cref="Reason"/> says
/// why an ABORTED run ended (USER, EXECUTION_TIMEOUT, …).
/// </summary>
public sealed record JobServiceRun(string Id, string Status, bool Terminal, string? Message, string? Reason = null);

/// <summary>The job service could not be reached or failed (5xx, 429, no answer): worth trying again, unlike its 4xx refusals.</summary>
public sealed class JobServiceUnavailableException(string message, Exception? inner = null) : Exception(message, inner);
