using Iomete.Iceberg.IO;
using Iomete.Iceberg.Manifests;
using Iomete.Iceberg.Metadata;

namespace Iomete.Iceberg.Writes;

/// <summary>
/// Replaces data files (Java <c>OverwriteFiles</c> with explicit files): the given files are marked DELETED in
/// rewritten manifests and the new files are added in one new manifest. The snapshot's operation is
/// <c>overwrite</c> (both), <c>delete</c> (only removals) or <c>append</c> (only additions). The commit's
/// <c>assert-ref-snapshot-id</c> makes any concurrent change to the branch fail it.
/// </summary>
public sealed class OverwriteFiles(TableFileIO io, SnapshotIdGenerator? ids = null, TimeProvider? time = null)
{
    /// <exception cref="ArgumentException">A file to delete is not live in the branch's snapshot, a v1 table, a tag, or a delete file to add.</exception>
    /// <param name="rewrite">The new files hold exactly the rows of the deleted ones (compaction): the operation is <c>replace</c>.</param>
    public async Task<SnapshotCommit> PrepareAsync(
        TableMetadata metadata, IReadOnlyCollection<string> deletePaths, IReadOnlyList<DataFile> addFiles, string? branch = null, CancellationToken ct = default,
        bool rewrite = false)
    {
        ArgumentNullException.ThrowIfNull(deletePaths);
        ArgumentNullException.ThrowIfNull(addFiles);
        if (addFiles.FirstOrDefault(f => f.Content != FileContent.Data) is { } wrong)
        {
            throw new ArgumentException($"Overwrite adds data files; '{wrong.FilePath}' holds {wrong.Content}", nameof(addFiles));
        }
        var producer = new SnapshotProducer(metadata, io, branch, ids ?? new SnapshotIdGenerator(), time ?? TimeProvider.System);
        try
        {
            var summary = new SnapshotSummary();
            var manifests = new List<ManifestFile>();
            if (addFiles.Count > 0)
            {
                var spec = metadata.DefaultSpec;
                var partitionType = spec.PartitionType(metadata.CurrentSchema);
                manifests.Add(await producer.WriteManifestAsync(spec, writer =>
                {
                    foreach (var file in addFiles)
                    {
                        writer.Add(file);
                        summary.Added(file, PartitionKeys.Of(spec.SpecId, partitionType, file.Partition));
                    }
                }, ct));
            }
            var parents = await producer.ParentManifestsAsync(ct);
            manifests.AddRange(deletePaths.Count == 0 ? parents : await ManifestFilter.RemoveAsync(producer, parents, deletePaths, summary, ct));
            var operation = (deletePaths.Count > 0, addFiles.Count > 0) switch
            {
                _ when rewrite => SnapshotOperations.Replace,
                (true, true) => SnapshotOperations.Overwrite,
                (true, false) => SnapshotOperations.Delete,
                _ => SnapshotOperations.Append,
            };
            return await producer.CommitAsync(operation, manifests, summary, ct);
        }
        catch
        {
            await producer.AbortAsync();
            throw;
        }
    }
}
