using System.ComponentModel.DataAnnotations;

namespace Iomete.Functions.EventStreams.Streams;

/// <summary>How a stream batches, validates and maintains what it ingests; configurable per stream.</summary>
public sealed record EventStreamSettings
{
    /// <summary>A batch commits to Iceberg at the latest this long after its first event (IOMETE: near real time).</summary>
    [Range(200, 600_000)]
    public int CommitIntervalMs { get; init; } = 5_000;

    /// <summary>A batch commits as soon as it holds this many bytes of events.</summary>
    [Range(1L << 20, 1L << 30)]
    public long CommitMaxBytes { get; init; } = 128L << 20;

    /// <summary>Largest request body accepted (after gzip decoding); larger ones get 413.</summary>
    [Range(1024, 100L << 20)]
    public long MaxRequestBytes { get; init; } = 5L << 20;

    /// <summary>What happens to rows that do not fit the table: reject the whole request, or land them in a dead-letter table.</summary>
    public InvalidRowPolicy InvalidRows { get; init; } = InvalidRowPolicy.Reject;

    /// <summary>Small files the stream wrote to one table (partition) before they are compacted into one (IOMETE: 20).</summary>
    [Range(2, 1000)]
    public int CompactionThreshold { get; init; } = 20;

    /// <summary>Acknowledged bytes not yet committed above which ingest answers 429.</summary>
    [Range(1L << 20, 16L << 30)]
    public long MaxPendingBytes { get; init; } = 512L << 20;

    /// <summary>Uncompacted files of the stream in one table above which ingest answers 429 (IOMETE's health threshold).</summary>
    [Range(2, 10_000)]
    public int MaxPendingFilesPerTable { get; init; } = 60;

    /// <summary>Snapshots older than this are expired by the stream's maintenance (at least <see cref="MinSnapshotsToKeep"/> stay).</summary>
    [Range(1, 60 * 24 * 30)]
    public int SnapshotRetentionMinutes { get; init; } = 60;

    [Range(1, 10_000)]
    public int MinSnapshotsToKeep { get; init; } = 10;
}

public enum InvalidRowPolicy
{
    /// <summary>One bad row fails the request with 400 and its per-row errors; nothing is written.</summary>
    Reject,

    /// <summary>Good rows are written; bad rows go to the table <c>{table}_dead_letter</c> with their errors.</summary>
    DeadLetter,
}
