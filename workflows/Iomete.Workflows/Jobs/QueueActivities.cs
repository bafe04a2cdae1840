using Iomete.Workflows.Queues;
using Iomete.Workflows.Runs;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;

namespace Iomete.Workflows.Jobs;

/// <summary>Puts a job run at the back of its namespace queue (idempotent).</summary>
[DurableTask(Name)]
public sealed class EnqueueRunActivity(JobQueueStore queues) : TaskActivity<QueueEntry, bool>
{
    public const string Name = "job-run-enqueue";

    public override async Task<bool> RunAsync(TaskActivityContext context, QueueEntry input)
    {
        await queues.EnqueueAsync(input, CancellationToken.None);
        return true;
    }
}

/// <summary>One admission attempt of a queued run (see <see cref="QueueAdmission"/>); an admission wakes the next heads.</summary>
[DurableTask(Name)]
public sealed class AdmitRunActivity(QueueAdmission admission, JobQueueStore queues, QueueWaker waker) : TaskActivity<string, Admission>
{
    public const string Name = "job-run-admit";

    public override async Task<Admission> RunAsync(TaskActivityContext context, string input)
    {
        var ns = (await queues.GetAsync(input, CancellationToken.None))?.Namespace;
        var result = await admission.AdmitAsync(input, CancellationToken.None);
        if (result.Result is AdmissionResult.Admitted or AdmissionResult.Requeued or AdmissionResult.HeadTimedOut)
        {
            await waker.WakeAsync(ns, input, CancellationToken.None);
        }
        return result;
    }
}

/// <summary>Takes a run out of its queue (ended, cancelled, submitted) and wakes the heads of that namespace: capacity may be free.</summary>
[DurableTask(Name)]
public sealed class LeaveQueueActivity(JobQueueStore queues, QueueWaker waker) : TaskActivity<string, bool>
{
    public const string Name = "job-run-leave-queue";

    public override async Task<bool> RunAsync(TaskActivityContext context, string input)
    {
        var ns = await queues.LeaveAsync(input, CancellationToken.None);
        await waker.WakeAsync(ns, input, CancellationToken.None);
        return ns is not null;
    }
}

/// <summary>Raises <see cref="WorkflowEvents.CapacityChanged"/> on the heads of a namespace's queues: only a head can be admitted.</summary>
public sealed partial class QueueWaker(JobQueueStore queues, DurableTaskClient client, ILogger<QueueWaker> logger)
{
    public async Task WakeAsync(string? @namespace, string? except, CancellationToken ct)
    {
        if (@namespace is null)
        {
            return;
        }
        var waiting = await queues.WaitingAsync(@namespace, ct);
        var heads = waiting.GroupBy(e => e.Priority).Select(g => g.First().RunId).Where(id => id != except);
        foreach (var runId in heads)
        {
            try
            {
                await client.RaiseEventAsync(runId, WorkflowEvents.CapacityChanged, @namespace, ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The head re-checks on its timer anyway.
                LogWakeFailed(logger, e, runId);
            }
        }
    }

    [LoggerMessage(EventId = 7101, Level = LogLevel.Debug, Message = "Waking queued run {RunId} failed")]
    private static partial void LogWakeFailed(ILogger logger, Exception exception, string runId);
}
