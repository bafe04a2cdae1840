using Iomete.Iceberg.Commits;
using Iomete.Iceberg.IO;
using Iomete.Iceberg.Metadata;

namespace Iomete.Iceberg.Writes;

/// <summary>
/// A prepared snapshot commit: the new snapshot, the requirements and updates to send (REST <c>updateTable</c>
/// or <see cref="MetadataUpdater"/>), and the metadata files written for it. When the commit fails the caller
/// deletes <see cref="WrittenFiles"/> (<see cref="CleanupAsync"/>); data files stay the caller's.
/// </summary>
public sealed record SnapshotCommit(
    Snapshot Snapshot,
    string Branch,
    IReadOnlyList<TableRequirement> Requirements,
    IReadOnlyList<TableUpdate> Updates,
    IReadOnlyList<string> WrittenFiles)
{
    /// <summary>Checks the requirements against <paramref name="current"/> and applies the updates.</summary>
    /// <exception cref="CommitConflictException">A requirement does not hold (the table moved on).</exception>
    /// <exception cref="InvalidCommitException">The updates do not apply.</exception>
    public TableMetadata ApplyTo(TableMetadata current, long nowMs)
    {
        ArgumentNullException.ThrowIfNull(current);
        foreach (var requirement in Requirements)
        {
            requirement.Check(current);
        }
        return MetadataUpdater.Apply(current, Updates, nowMs);
    }

    /// <summary>Deletes the manifest list and manifests this commit wrote (after a failed commit).</summary>
    public async Task CleanupAsync(TableFileIO io, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(io);
        foreach (var location in WrittenFiles)
        {
            await io.DeleteAsync(location, ct);
        }
    }
}
