using Iomete.Iceberg.Manifests;

namespace Iomete.Iceberg.Writes;

/// <summary>
/// Removes data files from the parent's manifests: a data manifest that lists one of them is rewritten with that
/// entry DELETED (by this snapshot, keeping its sequence numbers) and its other live entries EXISTING; entries
/// deleted by earlier snapshots are dropped; untouched manifests are kept as they are.
/// </summary>
internal static class ManifestFilter
{
    public static async Task<List<ManifestFile>> RemoveAsync(
        SnapshotProducer producer, IReadOnlyList<ManifestFile> parents, IReadOnlyCollection<string> paths, SnapshotSummary summary, CancellationToken ct)
    {
        var pending = new HashSet<string>(paths, StringComparer.Ordinal);
        var result = new List<ManifestFile>(parents.Count);
        foreach (var manifestFile in parents)
        {
            if (pending.Count == 0 || manifestFile.Content != ManifestContent.Data)
            {
                result.Add(manifestFile);
                continue;
            }
            var manifest = await producer.ReadManifestAsync(manifestFile, ct);
            var live = manifest.Entries.Where(e => e.Status != EntryStatus.Deleted).ToList();
            if (!live.Any(e => pending.Contains(e.DataFile.FilePath)))
            {
                result.Add(manifestFile);
                continue;
            }
            var spec = producer.Metadata.SpecById(manifestFile.PartitionSpecId) ?? manifest.Spec;
            var partitionType = spec.PartitionType(producer.Metadata.CurrentSchema);
            result.Add(await producer.WriteManifestAsync(spec, writer =>
            {
                foreach (var entry in live)
                {
                    var sequence = entry.SequenceNumber ?? throw new InvalidOperationException($"Entry '{entry.DataFile.FilePath}' has no sequence number");
                    var fileSequence = entry.FileSequenceNumber ?? sequence;
                    if (pending.Remove(entry.DataFile.FilePath))
                    {
                        writer.Delete(entry.DataFile, sequence, fileSequence);
                        summary.Deleted(entry.DataFile, PartitionKeys.Of(spec.SpecId, partitionType, entry.DataFile.Partition));
                    }
                    else
                    {
                        writer.Existing(entry.DataFile, entry.SnapshotId ?? manifestFile.AddedSnapshotId, sequence, fileSequence);
                    }
                }
            }, ct));
        }
        if (pending.Count > 0)
        {
            throw new ArgumentException($"Files to delete are not in the table: {string.Join(", ", pending.Order(StringComparer.Ordinal))}", nameof(paths));
        }
        return result;
    }
}
