using System.Globalization;
using Iomete.Iceberg.Commits;
using Iomete.Iceberg.IO;
using Iomete.Iceberg.Manifests;
using Iomete.Iceberg.Metadata;

namespace Iomete.Iceberg.Maintenance;

/// <summary>
/// The commit to send (empty updates when there is nothing to rewrite), the new snapshot, the files written for it
/// (delete them if the commit fails) and the manifest counts.
/// </summary>
public sealed record RewriteManifestsPlan(
    IReadOnlyList<TableRequirement> Requirements,
    IReadOnlyList<TableUpdate> Updates,
    Snapshot? Snapshot,
    IReadOnlyList<string> WrittenFiles,
    int ManifestsReplaced,
    int ManifestsCreated);

/// <summary>
/// Rewrites the current snapshot's data manifests into fewer manifests per partition spec, each up to a target size,
/// keeping every live entry as EXISTING with its snapshot id and sequence numbers; delete manifests are kept as they are.
/// Writes the new manifests and manifest list and returns a <c>replace</c> snapshot to commit on <c>main</c>
/// (requirement: <c>main</c> is still the snapshot that was rewritten). Format v2 tables only: v1 has no sequence
/// numbers to keep, and v3 row ids are not carried by this library's data files.
/// </summary>
public sealed class RewriteManifests(TableFileIO io, SnapshotIdGenerator ids, TimeProvider time, int maxConcurrency = 8)
{
    public const long DefaultTargetSizeBytes = 8L * 1024 * 1024;

    public async Task<RewriteManifestsPlan> PlanAsync(TableMetadata metadata, long targetSizeBytes, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(targetSizeBytes);
        if (metadata.FormatVersion != 2)
        {
            throw new InvalidOperationException($"Rewriting manifests needs a format v2 table, this one is v{metadata.FormatVersion}");
        }
        var current = metadata.CurrentSnapshot;
        if (current is null)
        {
            return new RewriteManifestsPlan([], [], null, [], 0, 0);
        }
        var reader = new TableFiles(io, maxConcurrency);
        var list = (await reader.ManifestListsAsync([current], ct))[current.SnapshotId];
        var dataManifests = list.Where(m => m.Content == ManifestContent.Data).ToList();
        var deleteManifests = list.Where(m => m.Content == ManifestContent.Deletes).ToList();
        if (dataManifests.GroupBy(m => m.PartitionSpecId).All(g => g.Count() <= 1))
        {
            return new RewriteManifestsPlan([], [], null, [], 0, 0);
        }
        var manifests = await reader.ManifestsAsync(dataManifests, ct);
        var snapshotId = ids.Next(metadata);
        var metadataDir = metadata.Location.TrimEnd('/') + "/metadata/";
        var written = new List<string>();
        var created = new List<ManifestFile>();
        var entries = 0;
        foreach (var group in dataManifests.GroupBy(m => m.PartitionSpecId).OrderBy(g => g.Key))
        {
            var first = manifests[group.First().ManifestPath];
            var spec = metadata.SpecById(group.Key) ?? first.Spec;
            ManifestWriter? writer = null;
            long size = 0;
            foreach (var file in group)
            {
                var manifest = manifests[file.ManifestPath];
                var live = manifest.Entries.Where(e => e.Status != EntryStatus.Deleted).ToList();
                var entrySize = live.Count == 0 ? 0 : Math.Max(1, file.ManifestLength / live.Count);
                foreach (var entry in live)
                {
                    if (writer is not null && size > 0 && size + entrySize > targetSizeBytes)
                    {
                        created.Add(await WriteAsync(writer, metadataDir, written, ct));
                        writer = null;
                    }
                    if (writer is null)
                    {
                        writer = new ManifestWriter(first.Schema, spec, snapshotId);
                        size = 0;
                    }
                    writer.Existing(entry.DataFile, entry.SnapshotId ?? file.AddedSnapshotId, entry.SequenceNumber ?? 0, entry.FileSequenceNumber ?? 0);
                    size += entrySize;
                    entries++;
                }
            }
            if (writer is not null)
            {
                created.Add(await WriteAsync(writer, metadataDir, written, ct));
            }
        }

        var sequenceNumber = metadata.LastSequenceNumber + 1;
        var listPath = metadataDir + string.Create(CultureInfo.InvariantCulture, $"snap-{snapshotId}-1-{Guid.NewGuid()}.avro");
        using (var buffer = new MemoryStream())
        {
            ManifestListWriter.Write(buffer, snapshotId, current.SnapshotId, sequenceNumber, [.. created, .. deleteManifests]);
            await io.WriteAsync(listPath, buffer.ToArray(), ct);
        }
        written.Add(listPath);
        var snapshot = new Snapshot(snapshotId, current.SnapshotId, sequenceNumber, time.GetUtcNow().ToUnixTimeMilliseconds(), listPath,
            Summary(current, dataManifests.Count, created.Count, deleteManifests.Count, entries), metadata.CurrentSchemaId);
        var main = metadata.Ref(SnapshotRef.MainBranch) ?? SnapshotRef.Branch(current.SnapshotId);
        return new RewriteManifestsPlan(
            [new AssertRefSnapshotId(SnapshotRef.MainBranch, current.SnapshotId)],
            [new AddSnapshot(snapshot), new SetSnapshotRef(SnapshotRef.MainBranch, main with { SnapshotId = snapshotId })],
            snapshot, written, dataManifests.Count, created.Count);
    }

    private async Task<ManifestFile> WriteAsync(ManifestWriter writer, string metadataDir, List<string> written, CancellationToken ct)
    {
        var path = metadataDir + string.Create(CultureInfo.InvariantCulture, $"{Guid.NewGuid()}-m{written.Count}.avro");
        using var buffer = new MemoryStream();
        var file = writer.Write(buffer, path);
        await io.WriteAsync(path, buffer.ToArray(), ct);
        written.Add(path);
        return file;
    }

    private static Dictionary<string, string> Summary(Snapshot parent, int replaced, int created, int kept, int entries)
    {
        var summary = parent.Summary.Where(p => p.Key.StartsWith("total-", StringComparison.Ordinal))
            .ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);
        summary["operation"] = SnapshotOperations.Replace;
        summary["manifests-created"] = created.ToString(CultureInfo.InvariantCulture);
        summary["manifests-replaced"] = replaced.ToString(CultureInfo.InvariantCulture);
        summary["manifests-kept"] = kept.ToString(CultureInfo.InvariantCulture);
        summary["entries-processed"] = entries.ToString(CultureInfo.InvariantCulture);
        return summary;
    }
}
