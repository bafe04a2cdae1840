namespace Iomete.Iceberg.Metadata;

/// <summary>A Puffin statistics file for a snapshot (<c>statistics</c> in table metadata).</summary>
public sealed record StatisticsFile(
    long SnapshotId,
    string StatisticsPath,
    long FileSizeInBytes,
    long FileFooterSizeInBytes,
    IReadOnlyList<BlobMetadata> BlobMetadata);

/// <summary>One blob of a statistics file: its type (e.g. <c>apache-datasketches-theta-v1</c>), source snapshot and fields.</summary>
public sealed record BlobMetadata(
    string Type,
    long SnapshotId,
    long SequenceNumber,
    IReadOnlyList<int> Fields,
    IReadOnlyDictionary<string, string>? Properties = null);

/// <summary>A partition statistics file for a snapshot (<c>partition-statistics</c> in table metadata).</summary>
public sealed record PartitionStatisticsFile(long SnapshotId, string StatisticsPath, long FileSizeInBytes);
