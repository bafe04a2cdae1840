using Iomete.Workflows.Queues;
using Iomete.Workflows.Runs;

namespace Iomete.Functions.Orchestrator.Queues;

/// <summary>A waiting run: its place in its queue, how long it waits, and (for a head) what keeps it from starting.</summary>
public sealed record QueueEntryView(
    string RunId, string JobId, string JobName, RunPriority Priority, int Position, long WaitingSeconds, DateTimeOffset EnqueuedAt,
    DateTimeOffset? HeadSince, int HeadRetries, string? BlockingResource, string? BlockingMessage);

/// <summary>One queue (HIGH or NORMAL) of a namespace: its length (all domains) and this domain's runs in it.</summary>
public sealed record QueueLaneView(RunPriority Priority, int Length, string? BlockingResource, string? BlockingMessage, IReadOnlyList<QueueEntryView> Entries);

/// <summary>A namespace's queues and their rules.</summary>
public sealed record JobQueueView(string Namespace, int Waiting, int HighSharePercent, int HeadTimeoutSeconds, int HeadRetryCount, QueueLaneView High, QueueLaneView Normal);

internal static class JobQueueViews
{
    /// <summary>The queues of each namespace in <paramref name="waiting"/>; entries of other domains count in lengths and positions but are not listed.</summary>
    public static IReadOnlyList<JobQueueView> From(IReadOnlyList<QueueEntry> waiting, string domain, QueueOptions options, DateTimeOffset now) =>
        waiting.GroupBy(e => e.Namespace).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
        {
            var entries = g.ToList();
            return new JobQueueView(g.Key, entries.Count, options.HighSharePercent, options.HeadTimeoutSeconds, options.HeadRetryCount,
                Lane(entries, RunPriority.High, domain, now), Lane(entries, RunPriority.Normal, domain, now));
        }).ToList();

    public static JobQueueView Empty(string @namespace, QueueOptions options) =>
        new(@namespace, 0, options.HighSharePercent, options.HeadTimeoutSeconds, options.HeadRetryCount,
            new QueueLaneView(RunPriority.High, 0, null, null, []), new QueueLaneView(RunPriority.Normal, 0, null, null, []));

    private static QueueLaneView Lane(List<QueueEntry> entries, RunPriority priority, string domain, DateTimeOffset now)
    {
        var lane = entries.Where(e => e.Priority == priority).ToList();
        var head = lane.FirstOrDefault();
        var views = lane.Select((e, i) => (Entry: e, Position: i + 1)).Where(x => x.Entry.DomainId == domain).Select(x => new QueueEntryView(
            x.Entry.RunId, x.Entry.JobId, x.Entry.JobName, priority, x.Position, (long)Math.Max(0, (now - x.Entry.EnqueuedAt).TotalSeconds),
            x.Entry.EnqueuedAt, x.Entry.HeadSince, x.Entry.HeadRetries, x.Entry.BlockingResource, x.Entry.BlockingMessage)).ToList();
        return new QueueLaneView(priority, lane.Count, head?.BlockingResource, head?.BlockingMessage, views);
    }
}
