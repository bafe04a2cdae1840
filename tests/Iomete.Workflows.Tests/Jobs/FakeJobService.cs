using System.Collections.Concurrent;
using Iomete.Platform.Errors;
using Iomete.Workflows.Jobs;

namespace Iomete.Workflows.Tests.Jobs;

/// <summary>
/// A job service whose runs end as scripted: each submission takes the next end status (COMPLETED when the script is empty; HANG never
/// ends). A run reads RUNNING right after its submission and its end status afterwards.
/// </summary>
internal sealed class FakeJobService : IJobService
{
    private readonly ConcurrentDictionary<string, string> keys = new();
    private readonly ConcurrentDictionary<string, (string End, int Reads, string Status, string? Reason)> runs = new();
    private int capacityChecks;

    public JobInfo Job { get; set; } = new("job-1", "d1", "nightly", "ns-a", "NORMAL", "ALLOW", "runner", null, new ResourceDemand(2000, 4096, 3), "python");

    public ConcurrentQueue<string> Ends { get; } = new();

    /// <summary>Capacity answer by check number (1-based).</summary>
    public Func<int, CapacityCheck> Capacity { get; set; } = _ => new CapacityCheck(true, null, null);

    /// <summary>How many submissions in a row answer "unavailable" first.</summary>
    public int UnavailableSubmissions { get; set; }

    public ConcurrentQueue<string> SubmissionKeys { get; } = new();

    public ConcurrentQueue<string> Cancelled { get; } = new();

    public ConcurrentQueue<string?> RunAsSeen { get; } = new();

    public Task<JobInfo> GetJobAsync(string domainId, string jobId, CancellationToken ct) =>
        jobId == Job.Id ? Task.FromResult(Job) : throw new NotFoundException("Spark job", jobId);

    public Task<JobInfo> GetJobAsUserAsync(string domainId, string jobId, string userId, string permission, CancellationToken ct) =>
        GetJobAsync(domainId, jobId, ct);

    public Task<string> SubmitAsync(JobSubmission submission, CancellationToken ct)
    {
        SubmissionKeys.Enqueue(submission.SubmissionKey);
        if (UnavailableSubmissions > 0)
        {
            UnavailableSubmissions--;
            throw new JobServiceUnavailableException("The job service answered 503: down for a test");
        }
        RunAsSeen.Enqueue(submission.RunAs);
        var id = keys.GetOrAdd(submission.SubmissionKey, _ =>
        {
            var runId = "spark-" + Guid.NewGuid().ToString("N")[..8];
            runs[runId] = (Ends.TryDequeue(out var end) ? end : "COMPLETED", 0, "SUBMITTED", null);
            return runId;
        });
        return Task.FromResult(id);
    }

    public Task<JobServiceRun> GetRunAsync(string domainId, string externalRunId, CancellationToken ct)
    {
        var run = runs.AddOrUpdate(externalRunId, _ => throw new NotFoundException("Spark run", externalRunId), (_, r) =>
            r.Status is "COMPLETED" or "FAILED" or "ABORTED" ? r
            : r.Reads == 0 || r.End == "HANG" ? r with { Reads = r.Reads + 1, Status = "RUNNING" }
            : r with { Reads = r.Reads + 1, Status = r.End });
        return Task.FromResult(new JobServiceRun(externalRunId, run.Status, run.Status is "COMPLETED" or "FAILED" or "ABORTED",
            run.Status == "FAILED" ? "the driver exited with code 1" : null, run.Reason));
    }

    public Task CancelAsync(string domainId, string externalRunId, CancellationToken ct)
    {
        Cancelled.Enqueue(externalRunId);
        runs.AddOrUpdate(externalRunId, _ => throw new NotFoundException("Spark run", externalRunId),
            (_, r) => r.Status is "COMPLETED" or "FAILED" or "ABORTED" ? r : r with { Status = "ABORTED", Reason = "USER" });
        return Task.CompletedTask;
    }

    public Task<CapacityCheck> CheckCapacityAsync(string domainId, string @namespace, ResourceDemand demand, CancellationToken ct) =>
        Task.FromResult(Capacity(Interlocked.Increment(ref capacityChecks)));
}
