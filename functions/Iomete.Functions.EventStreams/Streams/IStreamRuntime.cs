namespace Iomete.Functions.EventStreams.Streams;

/// <summary>
/// The ingestion pipelines of this process, one per started stream. The resource functions tell it what changed; it
/// moves a stream from STARTING to ACTIVE once its write-ahead log is recovered.
/// </summary>
public interface IStreamRuntime
{
    /// <summary>Starts (or reconfigures) the stream's pipeline in the background; the pipeline sets ACTIVE when ready.</summary>
    void Start(EventStream stream);

    /// <summary>Stops accepting events, commits every acknowledged event to its table, and releases the pipeline. Idempotent.</summary>
    Task StopAsync(string streamId, CancellationToken ct);

    /// <summary>After <see cref="StopAsync"/>: removes the stream's local write-ahead log and state.</summary>
    Task ForgetAsync(string streamId, CancellationToken ct);

    /// <summary>Live figures of a running stream, or null when it has no pipeline in this process.</summary>
    StreamMetrics? Metrics(string streamId);
}

/// <summary>What a stream did: totals since its pipeline started in this process, and rates over the last minute.</summary>
public sealed record StreamMetrics
{
    public double EventsPerSecond { get; init; }

    public double BytesPerSecond { get; init; }

    public long RequestsTotal { get; init; }

    public long EventsTotal { get; init; }

    public long BytesTotal { get; init; }

    /// <summary>Acknowledged events waiting for their Iceberg commit.</summary>
    public long PendingEvents { get; init; }

    public long PendingBytes { get; init; }

    public long CommitsTotal { get; init; }

    public DateTimeOffset? LastCommitAt { get; init; }

    /// <summary>Time from a batch's first acknowledged event to its commit, last commit and 99th percentile of recent commits.</summary>
    public double? LastCommitLatencyMs { get; init; }

    public double? CommitLatencyP99Ms { get; init; }

    /// <summary>Requests refused (4xx other than 429, and 5xx) plus rows rejected or dead-lettered.</summary>
    public long ErrorsTotal { get; init; }

    public long RejectedRowsTotal { get; init; }

    public long DeadLetterRowsTotal { get; init; }

    /// <summary>Requests answered 429 (backpressure).</summary>
    public long ThrottledTotal { get; init; }

    public long CompactionsTotal { get; init; }

    public long CommitFailuresTotal { get; init; }

    public IReadOnlyList<TableMetrics> Tables { get; init; } = [];
}

public sealed record TableMetrics(string Table, long PendingBytes, int UncompactedFiles, DateTimeOffset? LastCommitAt, long? LastSnapshotId);
