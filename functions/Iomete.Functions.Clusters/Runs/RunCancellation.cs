using Iomete.Functions.Clusters.DataPlane;
using Iomete.Platform.Errors;

namespace Iomete.Functions.Clusters.Runs;

/// <summary>
/// Aborts runs: the status becomes ABORTED with a reason first (so the application's deletion is not read as a failure),
/// then the SparkApplication is deleted (its pods go with it) or the SQL statement running is cancelled.
/// </summary>
public sealed class RunCancellation(RunTransitions transitions, ISparkApplications applications, SqlJobRunner sql)
{
    /// <summary>Aborts an active run; 409 when it already ended.</summary>
    public async Task<SparkRun> CancelAsync(SparkRun run, string reason, CancellationToken ct)
    {
        if (run.IsTerminal)
        {
            throw new ConflictException($"Run '{run.Id}' is {run.Status} and cannot be cancelled.");
        }
        return await AbortAsync(run, reason, ct);
    }

    /// <summary>Aborts the run if it is still active; an ended run is returned as it is.</summary>
    public async Task<SparkRun> AbortAsync(SparkRun run, string reason, CancellationToken ct)
    {
        var aborted = await transitions.MoveAsync(run.Id, RunStatus.Aborted, reason, null, ct) ?? run;
        if (aborted.Status != RunStatus.Aborted || aborted.Reason != reason)
        {
            return aborted;
        }
        if (run.IsSql)
        {
            await sql.CancelAsync(run, ct);
            return aborted;
        }
        return await DeleteApplicationAsync(aborted, ct);
    }

    /// <summary>Deletes the run's SparkApplication and records that it is gone.</summary>
    public async Task<SparkRun> DeleteApplicationAsync(SparkRun run, CancellationToken ct)
    {
        await applications.DeleteAsync(run.Namespace, run.Name, ct);
        return await transitions.ApplyAsync(run.Id, r => r.AppDeleted ? null : r with { AppDeleted = true }, ct) ?? run;
    }
}
