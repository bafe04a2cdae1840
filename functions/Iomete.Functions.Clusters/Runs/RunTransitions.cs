using Iomete.Functions.Clusters.Common;
using Iomete.Platform.Errors;
using Iomete.Platform.Messaging;
using Microsoft.Extensions.Logging;

namespace Iomete.Functions.Clusters.Runs;

/// <summary>
/// The one way a run changes: read, decide, compare-and-swap on <c>version</c>, retry on a lost race. Every status change
/// stamps the start and end times and is published as <see cref="SparkRunStateChanged"/> on <see cref="ClusterTopics.SparkRuns"/>.
/// </summary>
public sealed partial class RunTransitions(SparkRunStore store, IEventBus bus, TimeProvider clock, ILogger<RunTransitions> logger)
{
    private const int MaxAttempts = 20;

    /// <summary>
    /// Applies <paramref name="change"/> to the stored run until it sticks; <paramref name="change"/> answers null when there
    /// is nothing to do (then the stored run is returned). Null when the run does not exist.
    /// </summary>
    public async Task<SparkRun?> ApplyAsync(string runId, Func<SparkRun, SparkRun?> change, CancellationToken ct)
    {
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var current = await store.GetAsync(runId, ct);
            if (current is null)
            {
                return null;
            }
            var next = change(current);
            if (next is null || next == current)
            {
                return current;
            }
            if (next.Status != current.Status)
            {
                var now = clock.GetUtcNow();
                if (next.Status == RunStatus.Running)
                {
                    next = next with { StartedAt = next.StartedAt ?? now };
                }
                if (RunStatus.IsTerminal(next.Status))
                {
                    next = next with { TerminatedAt = next.TerminatedAt ?? now, SqlQueryId = null };
                }
            }
            if (await store.TryUpdateAsync(next, ct))
            {
                var saved = next with { Version = current.Version + 1 };
                if (saved.Status != current.Status)
                {
                    await PublishAsync(current.Status, saved, ct);
                }
                return saved;
            }
        }
        throw new ConflictException($"Run '{runId}' changes too often to be updated now; retry.");
    }

    /// <summary>Moves the run to <paramref name="status"/> unless it is terminal (or already there).</summary>
    public Task<SparkRun?> MoveAsync(string runId, string status, string? reason, string? error, CancellationToken ct) =>
        ApplyAsync(runId, r => RunStatus.CanMove(r.Status, status)
            ? r with { Status = status, Reason = reason ?? r.Reason, ErrorMessage = error ?? r.ErrorMessage }
            : null, ct);

    /// <summary>Announces a run just recorded (no previous status).</summary>
    public Task PublishCreatedAsync(SparkRun run, CancellationToken ct) => PublishAsync(null, run, ct);

    private async Task PublishAsync(string? previous, SparkRun run, CancellationToken ct)
    {
        var change = new SparkRunStateChanged(
            run.DomainId, run.JobId, run.JobName, run.Id, previous, run.Status, run.Reason, run.ErrorMessage, clock.GetUtcNow());
        try
        {
            await bus.PublishAsync(ClusterTopics.SparkRuns, change, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The state is saved; a subscriber that misses one change can read the run.
            LogPublishFailed(logger, e, run.Id, run.Status);
        }
    }

    [LoggerMessage(EventId = 6201, Level = LogLevel.Warning, Message = "Publishing the status {Status} of run {RunId} failed")]
    private static partial void LogPublishFailed(ILogger logger, Exception exception, string runId, string status);
}
