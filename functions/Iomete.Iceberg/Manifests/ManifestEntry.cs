namespace Iomete.Iceberg.Manifests;

/// <summary>Whether a manifest entry's file was added by the manifest's snapshot, carried over, or deleted (field 0).</summary>
public enum EntryStatus
{
    Existing = 0,
    Added = 1,
    Deleted = 2,
}

/// <summary>
/// A manifest entry. Null snapshot id and sequence numbers mean "inherit from the manifest list entry";
/// <see cref="ManifestReader"/> fills them in.
/// </summary>
public sealed record ManifestEntry(
    EntryStatus Status,
    long? SnapshotId,
    long? SequenceNumber,
    long? FileSequenceNumber,
    DataFile DataFile);
