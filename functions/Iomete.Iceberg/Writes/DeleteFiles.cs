using Iomete.Iceberg.IO;
using Iomete.Iceberg.Metadata;

namespace Iomete.Iceberg.Writes;

/// <summary>Removes whole data files from a branch (Java <c>DeleteFiles</c> by path): a <c>delete</c> snapshot.</summary>
public sealed class DeleteFiles(TableFileIO io, SnapshotIdGenerator? ids = null, TimeProvider? time = null)
{
    /// <exception cref="ArgumentException">No paths, a file that is not live in the branch's snapshot, a v1 table or a tag.</exception>
    public Task<SnapshotCommit> PrepareAsync(TableMetadata metadata, IReadOnlyCollection<string> paths, string? branch = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(paths);
        if (paths.Count == 0)
        {
            throw new ArgumentException("Name at least one file to delete", nameof(paths));
        }
        return new OverwriteFiles(io, ids, time).PrepareAsync(metadata, paths, [], branch, ct);
    }
}
