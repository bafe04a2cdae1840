using Iomete.Functions.Clusters.Jobs;
using Iomete.Platform.Errors;
using Iomete.Platform.Security;

namespace Iomete.Functions.Clusters.Runs;

/// <summary>A run is reached through its job: the job's permission (VIEW to read, RUN to start or cancel) covers its runs.</summary>
public sealed class RunAccess(JobAccess jobs, SparkRunStore runs)
{
    public async Task<(SparkJob Job, SparkRun Run)> RequireAsync(
        Caller caller, string domain, string jobId, string runId, string permission, CancellationToken ct)
    {
        var job = await jobs.RequireAsync(caller, domain, jobId, permission, ct);
        var run = await runs.GetAsync(runId, ct);
        if (run is null || run.JobId != job.Id)
        {
            throw new NotFoundException("Spark run", runId);
        }
        return (job, run);
    }
}
