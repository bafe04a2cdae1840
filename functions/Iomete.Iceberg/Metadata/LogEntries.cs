namespace Iomete.Iceberg.Metadata;

/// <summary>An entry of <c>snapshot-log</c>: the current snapshot changed to <paramref name="SnapshotId"/> at <paramref name="TimestampMs"/>.</summary>
public sealed record SnapshotLogEntry(long SnapshotId, long TimestampMs);

/// <summary>An entry of <c>metadata-log</c>: a previous metadata file and when it was written.</summary>
public sealed record MetadataLogEntry(string MetadataFile, long TimestampMs);
