using Iomete.Iceberg.IO;
using Iomete.Iceberg.Manifests;
using Iomete.Iceberg.Metadata;

namespace Iomete.Iceberg.Writes;

/// <summary>
/// Fast append (Java <c>AppendFiles</c> / <c>newFastAppend</c>): writes one manifest with the new data files
/// (for the table's default spec) and a manifest list that keeps every manifest of the branch's parent snapshot,
/// then returns the <c>append</c> snapshot as a commit. Nothing is committed here; see <see cref="SnapshotCommit"/>.
/// </summary>
public sealed class AppendFiles(TableFileIO io, SnapshotIdGenerator? ids = null, TimeProvider? time = null)
{
    /// <summary>
    /// Prepares the append of <paramref name="files"/> (already written) to <paramref name="branch"/> (default <c>main</c>).
    /// Format v2 and v3 tables only. On failure the metadata files written so far are deleted.
    /// </summary>
    /// <param name="summaryProperties">Extra snapshot summary properties, e.g. the batch id of a streaming writer.</param>
    /// <exception cref="ArgumentException">A v1 table, a tag as branch, a delete file, or a partition tuple that does not fit the spec.</exception>
    public async Task<SnapshotCommit> PrepareAsync(
        TableMetadata metadata, IReadOnlyList<DataFile> files, string? branch = null, CancellationToken ct = default,
        IReadOnlyDictionary<string, string>? summaryProperties = null)
    {
        ArgumentNullException.ThrowIfNull(files);
        foreach (var file in files)
        {
            if (file.Content != FileContent.Data)
            {
                throw new ArgumentException($"Append takes data files; '{file.FilePath}' holds {file.Content}", nameof(files));
            }
        }
        var producer = new SnapshotProducer(metadata, io, branch, ids ?? new SnapshotIdGenerator(), time ?? TimeProvider.System);
        try
        {
            var spec = metadata.DefaultSpec;
            var partitionType = spec.PartitionType(metadata.CurrentSchema);
            var summary = new SnapshotSummary { Properties = summaryProperties };
            var manifests = new List<ManifestFile>();
            if (files.Count > 0)
            {
                manifests.Add(await producer.WriteManifestAsync(spec, writer =>
                {
                    foreach (var file in files)
                    {
                        writer.Add(file);
                        summary.Added(file, PartitionKeys.Of(spec.SpecId, partitionType, file.Partition));
                    }
                }, ct));
            }
            manifests.AddRange(await producer.ParentManifestsAsync(ct));
            return await producer.CommitAsync(SnapshotOperations.Append, manifests, summary, ct);
        }
        catch
        {
            await producer.AbortAsync();
            throw;
        }
    }
}
