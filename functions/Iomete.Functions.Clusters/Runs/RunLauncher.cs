using Iomete.Functions.Clusters.DataPlane;
using Iomete.Functions.Clusters.Jobs;
using Iomete.Platform.Errors;
using Iomete.Platform.Security;
using Iomete.Platform.Time;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Iomete.Functions.Clusters.Runs;

/// <summary>
/// Starts a run of a job: applies the job's concurrency (FORBID: 409 while a run is active; REPLACE: the active runs are
/// aborted), records the run (ENQUEUED), then hands the SparkApplication to the submit queue (SUBMITTED) or the SQL
/// script to <see cref="SqlJobRunner"/>.
/// </summary>
public sealed partial class RunLauncher(
    SparkRunStore store,
    RunTransitions transitions,
    RunCancellation cancellation,
    RunApplications definitions,
    SubmitQueue submissions,
    SqlJobRunner sql,
    IIdGenerator ids,
    TimeProvider clock,
    IOptions<DataPlaneOptions> dataPlane,
    ILogger<RunLauncher> logger)
{
    /// <summary>Starts a run; <paramref name="runId"/> names it (the orchestrator's idempotent submissions), else a new id does.</summary>
    public async Task<SparkRun> StartAsync(Caller caller, SparkJob job, RunOverrides overrides, CancellationToken ct, string? runId = null)
    {
        if (!job.IsSql && !dataPlane.Value.Configured)
        {
            throw new DataPlaneNotConfiguredException();
        }
        var id = runId ?? ids.NewId();
        var run = new SparkRun
        {
            Id = id,
            DomainId = job.DomainId,
            JobId = job.Id,
            JobName = job.Name,
            Name = RunApplications.ApplicationName(id),
            Namespace = job.Namespace,
            ApplicationType = job.Template.ApplicationType ?? JobTemplate.Python,
            Config = overrides.Apply(job.Template),
            ResourceTags = overrides.Tags(job.ResourceTags),
            TriggeredBy = caller.UserId,
            RunAsUser = job.JobUser,
            MaxDurationSeconds = job.Template.MaxExecutionDurationSeconds,
            CreatedAt = clock.GetUtcNow(),
        };
        // Built before anything is recorded: a definition the builder refuses is a 400, not a failed run.
        var application = job.IsSql ? null : Kubernetes.SparkApplicationBuilder.Build(await definitions.DefineAsync(run, ct));

        if (job.Concurrency == JobConcurrency.Replace)
        {
            foreach (var active in await store.ActiveAsync(job.Id, ct))
            {
                await cancellation.AbortAsync(active, RunStatus.ReasonUser, ct);
            }
        }
        run = run with { CreatedAt = clock.GetUtcNow() };
        if (application is not null)
        {
            // The creation time names the Spark app id and its event log: build again with the time that is stored.
            application = Kubernetes.SparkApplicationBuilder.Build(await definitions.DefineAsync(run, ct));
        }
        if (!await store.InsertAsync(run, onlyIfIdle: job.Concurrency != JobConcurrency.Allow, ct))
        {
            var active = await store.ActiveAsync(job.Id, ct);
            throw new ConflictException(
                $"Job '{job.Name}' allows one run at a time (concurrency {job.Concurrency.ToString().ToUpperInvariant()}) and run " +
                $"'{active.FirstOrDefault()?.Id}' is still active; cancel it or wait for it to end.");
        }
        run = run with { Version = 1 };
        await transitions.PublishCreatedAsync(run, ct);

        if (application is null)
        {
            sql.Start(run);
            return run;
        }
        try
        {
            var status = await submissions.SubmitAsync(run.Id, application, ct);
            var submitted = await SparkRunObserver.ApplyAsync(transitions, run.Id, status, ct) ?? run;
            // Aborted while it was being submitted (a cancel, REPLACE or the timeout came first): the new object must go too.
            return submitted.Status == RunStatus.Aborted
                ? await cancellation.DeleteApplicationAsync(submitted, CancellationToken.None)
                : submitted;
        }
        catch (TooManyRequestsException)
        {
            await transitions.MoveAsync(run.Id, RunStatus.Failed, null, "The data plane's submission queue is full.", CancellationToken.None);
            throw;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            LogSubmitFailed(logger, e, run.Id);
            return await transitions.MoveAsync(run.Id, RunStatus.Failed, null, "Submission failed: " + e.Message, CancellationToken.None) ?? run;
        }
    }

    [LoggerMessage(EventId = 6204, Level = LogLevel.Warning, Message = "Submitting the application of run {RunId} failed")]
    private static partial void LogSubmitFailed(ILogger logger, Exception exception, string runId);
}
