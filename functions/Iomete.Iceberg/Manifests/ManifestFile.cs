namespace Iomete.Iceberg.Manifests;

/// <summary>Whether a manifest lists data files or delete files (manifest_file field 517, metadata <c>content</c>).</summary>
public enum ManifestContent
{
    Data = 0,
    Deletes = 1,
}

/// <summary>Summary of one partition field over a manifest's entries (field 508); bounds are single-value serialized.</summary>
public sealed record PartitionFieldSummary(bool ContainsNull, bool? ContainsNan, byte[]? LowerBound, byte[]? UpperBound);

/// <summary>
/// A manifest list entry (the spec's <c>manifest_file</c>, field ids 500–520). A manifest written for a snapshot
/// that is not committed yet carries <see cref="UnassignedSequenceNumber"/>; <see cref="ManifestListWriter"/> assigns it.
/// </summary>
public sealed record ManifestFile
{
    public const long UnassignedSequenceNumber = -1;

    public required string ManifestPath { get; init; }

    public required long ManifestLength { get; init; }

    public required int PartitionSpecId { get; init; }

    public ManifestContent Content { get; init; } = ManifestContent.Data;

    public long SequenceNumber { get; init; } = UnassignedSequenceNumber;

    public long MinSequenceNumber { get; init; } = UnassignedSequenceNumber;

    public required long AddedSnapshotId { get; init; }

    public int AddedFilesCount { get; init; }

    public int ExistingFilesCount { get; init; }

    public int DeletedFilesCount { get; init; }

    public long AddedRowsCount { get; init; }

    public long ExistingRowsCount { get; init; }

    public long DeletedRowsCount { get; init; }

    public IReadOnlyList<PartitionFieldSummary>? Partitions { get; init; }

    public byte[]? KeyMetadata { get; init; }

    /// <summary>v3 row lineage: the first row id assigned to this manifest's added rows.</summary>
    public long? FirstRowId { get; init; }
}
