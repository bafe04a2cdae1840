namespace Iomete.Iceberg.Metadata;

/// <summary>Whether a reference is a branch (can be committed to) or a tag (fixed).</summary>
public enum SnapshotRefType
{
    Branch,
    Tag,
}

/// <summary>
/// A named reference to a snapshot with its retention settings. <see cref="MinSnapshotsToKeep"/> and
/// <see cref="MaxSnapshotAgeMs"/> apply to branches only; <see cref="MaxRefAgeMs"/> to both.
/// </summary>
public sealed record SnapshotRef(
    long SnapshotId,
    SnapshotRefType Type,
    int? MinSnapshotsToKeep = null,
    long? MaxSnapshotAgeMs = null,
    long? MaxRefAgeMs = null)
{
    /// <summary>The name of the main branch, which follows <c>current-snapshot-id</c>.</summary>
    public const string MainBranch = "main";

    public static SnapshotRef Branch(long snapshotId) => new(snapshotId, SnapshotRefType.Branch);

    public static SnapshotRef Tag(long snapshotId) => new(snapshotId, SnapshotRefType.Tag);

    public bool IsBranch => Type == SnapshotRefType.Branch;
}
