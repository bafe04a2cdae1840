namespace Iomete.Functions.EventStreams.Streams;

/// <summary>An event stream as stored: the resource (IOMETE's fields) and its ingestion settings.</summary>
public sealed record EventStream
{
    public required string Id { get; init; }

    public required string DomainId { get; init; }

    /// <summary>Unique within its namespace; part of the ingest URL. Kubernetes name rules, immutable.</summary>
    public required string Name { get; init; }

    /// <summary>The data-plane namespace the stream runs in; part of the ingest URL.</summary>
    public required string Namespace { get; init; }

    public required string ResourceBundleId { get; init; }

    public required EventStreamStatus Status { get; init; }

    public int Replicas { get; init; } = 1;

    public int CpuMillicores { get; init; } = 1000;

    public int MemoryMiB { get; init; } = 2048;

    /// <summary>The volume (admin volumes) that holds the write-ahead log in a cluster; null = the node's disk.</summary>
    public string? VolumeId { get; init; }

    public IReadOnlyList<ResourceTag> Tags { get; init; } = [];

    public EventStreamSettings Settings { get; init; } = new();

    public required string CreatedBy { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Optimistic-concurrency version, bumped by every update.</summary>
    public long Version { get; init; }
}

public sealed record ResourceTag(string Key, string Value);

/// <summary>Observed states, as IOMETE shows them.</summary>
public enum EventStreamStatus
{
    /// <summary>Started, the ingestion pipeline is recovering its write-ahead log; ingest answers 503.</summary>
    Starting,

    /// <summary>Accepting events.</summary>
    Active,

    /// <summary>Terminated: every acknowledged event was committed; ingest answers 503.</summary>
    Stopped,
}
