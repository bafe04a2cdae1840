using System.Globalization;
using Iomete.Workflows.Jobs;
using Iomete.Workflows.Runs;
using Microsoft.Extensions.Options;

namespace Iomete.Workflows.Queues;

/// <summary>
/// Decides whether a queued run may start: only the head of a queue may (FIFO, head-of-line), the queue whose turn it is goes first
/// (weighted round robin: HIGH gets <see cref="QueueOptions.HighSharePercent"/> of the admissions while both wait), and the head
/// must fit the namespace's capacity. A head that waits longer than <see cref="QueueOptions.HeadTimeoutSeconds"/> goes to the back
/// of its queue while it has head retries left, then fails.
/// </summary>
public sealed class QueueAdmission(JobQueueStore store, IJobService jobs, IOptions<QueueOptions> options, TimeProvider clock)
{
    private const int RaceAttempts = 5;

    public async Task<Admission> AdmitAsync(string runId, CancellationToken ct)
    {
        for (var attempt = 0; attempt < RaceAttempts; attempt++)
        {
            var entry = await store.GetAsync(runId, ct);
            if (entry is null)
            {
                return new Admission(AdmissionResult.NotQueued, 0, null, "The run is not queued.");
            }
            if (entry.Admitted)
            {
                return new Admission(AdmissionResult.Admitted, 0, null, null);
            }
            var waiting = await store.WaitingAsync(entry.Namespace, ct);
            var turn = await store.TurnAsync(entry.Namespace, ct);
            var highHead = waiting.FirstOrDefault(e => e.Priority == RunPriority.High);
            var normalHead = waiting.FirstOrDefault(e => e.Priority == RunPriority.Normal);
            var position = waiting.Where(e => e.Priority == entry.Priority).TakeWhile(e => e.RunId != runId).Count() + 1;
            var ownHead = entry.Priority == RunPriority.High ? highHead : normalHead;
            if (ownHead?.RunId != runId)
            {
                return new Admission(AdmissionResult.Waiting, position, ownHead?.BlockingResource,
                    $"Position {position} in the {Name(entry.Priority)} queue of namespace '{entry.Namespace}'.");
            }
            var now = clock.GetUtcNow();
            var headSince = entry.HeadSince ?? now;
            if (entry.HeadSince is null)
            {
                await store.MarkHeadAsync(runId, now, ct);
            }
            var timeout = options.Value.HeadTimeoutSeconds;
            if ((now - headSince).TotalSeconds >= timeout)
            {
                var blocked = entry.BlockingResource is null ? "" : $" (blocking resource: {entry.BlockingResource})";
                if (entry.HeadRetries < options.Value.HeadRetryCount)
                {
                    await store.RequeueAsync(runId, entry.Namespace, ct);
                    return new Admission(AdmissionResult.Requeued, position, entry.BlockingResource,
                        $"Waited {Seconds(timeout)} s at the head of the {Name(entry.Priority)} queue of namespace '{entry.Namespace}'{blocked}; " +
                        $"moved to the back of the queue (head retry {entry.HeadRetries + 1} of {options.Value.HeadRetryCount}).");
                }
                await store.LeaveAsync(runId, ct);
                return new Admission(AdmissionResult.HeadTimedOut, position, entry.BlockingResource,
                    $"Waited {Seconds(timeout)} s at the head of the {Name(entry.Priority)} queue of namespace '{entry.Namespace}' without capacity{blocked}; " +
                    "queue-head timeout reached.");
            }
            var turnHead = Choose(highHead, normalHead, turn, options.Value.HighSharePercent);
            if (turnHead?.RunId != runId)
            {
                return new Admission(AdmissionResult.Waiting, position, turnHead?.BlockingResource,
                    $"Head of the {Name(entry.Priority)} queue of namespace '{entry.Namespace}'; the {Name(turnHead!.Priority)} queue has the turn.");
            }
            var capacity = await jobs.CheckCapacityAsync(entry.DomainId, entry.Namespace, entry.Demand, ct);
            if (!capacity.Fits)
            {
                if (capacity.BlockingResource != entry.BlockingResource || capacity.Message != entry.BlockingMessage)
                {
                    await store.SetBlockingAsync(runId, capacity.BlockingResource, capacity.Message, ct);
                }
                return new Admission(AdmissionResult.Waiting, position, capacity.BlockingResource,
                    capacity.Message ?? $"Namespace '{entry.Namespace}' has no capacity for the run ({capacity.BlockingResource}).");
            }
            var contested = highHead is not null && normalHead is not null;
            if (await store.TryAdmitAsync(runId, turn, entry.Priority, contested, clock.GetUtcNow(), ct))
            {
                return new Admission(AdmissionResult.Admitted, position, null, null);
            }
        }
        return new Admission(AdmissionResult.Waiting, 1, null, "Another run was admitted in the namespace meanwhile; checking again.");
    }

    /// <summary>
    /// The head whose queue has the turn: the only head if one queue waits, else HIGH while its share of the contested admissions so far
    /// (counting this one) stays within <paramref name="highSharePercent"/>; 90 gives nine HIGH admissions, then one NORMAL.
    /// </summary>
    public static QueueEntry? Choose(QueueEntry? highHead, QueueEntry? normalHead, QueueTurn turn, int highSharePercent)
    {
        if (highHead is null || normalHead is null)
        {
            return highHead ?? normalHead;
        }
        var total = turn.HighAdmitted + turn.NormalAdmitted;
        return turn.HighAdmitted * 100 < highSharePercent * (total + 1) ? highHead : normalHead;
    }

    private static string Name(RunPriority priority) => WorkflowRunRow.Upper(priority);

    private static string Seconds(int seconds) => seconds.ToString(CultureInfo.InvariantCulture);
}
