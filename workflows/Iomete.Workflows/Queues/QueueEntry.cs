using Iomete.Workflows.Jobs;
using Iomete.Workflows.Runs;

namespace Iomete.Workflows.Queues;

/// <summary>
/// A job run in its namespace queue. <see cref="Seq"/> orders a queue (FIFO); <see cref="HeadSince"/> is when the run became the head of
/// its queue; <see cref="BlockingResource"/> (CPU, MEMORY, PODS, STORAGE) is what kept the head from starting at its last capacity check.
/// </summary>
public sealed record QueueEntry
{
    public required string RunId { get; init; }
    public required string DomainId { get; init; }
    public required string Namespace { get; init; }
    public required RunPriority Priority { get; init; }
    public required string JobId { get; init; }
    public required string JobName { get; init; }
    public required ResourceDemand Demand { get; init; }
    public long Seq { get; init; }
    public DateTimeOffset EnqueuedAt { get; init; }
    public DateTimeOffset? HeadSince { get; init; }
    public int HeadRetries { get; init; }
    public string? BlockingResource { get; init; }
    public string? BlockingMessage { get; init; }
    public bool Admitted { get; init; }
}

/// <summary>How many contested admissions each queue of a namespace got; <see cref="Version"/> serializes admissions (compare-and-swap).</summary>
public sealed record QueueTurn(string Namespace, long HighAdmitted, long NormalAdmitted, long Version);

public enum AdmissionResult
{
    /// <summary>The run may start now (or was admitted before: admission is idempotent).</summary>
    Admitted,
    /// <summary>Not its turn, or no capacity yet.</summary>
    Waiting,
    /// <summary>The head waited too long and went to the back of its queue (a head retry).</summary>
    Requeued,
    /// <summary>The head waited too long and has no head retry left: the run fails; it left the queue.</summary>
    HeadTimedOut,
    /// <summary>The run is not in a queue (it left, or never entered).</summary>
    NotQueued,
}

/// <summary>The answer to one admission attempt: its result, the run's position in its queue, and what blocks the queue.</summary>
public sealed record Admission(AdmissionResult Result, int Position, string? BlockingResource, string? Message);
