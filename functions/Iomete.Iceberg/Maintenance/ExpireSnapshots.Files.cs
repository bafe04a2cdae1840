using Iomete.Iceberg.Manifests;
using Iomete.Iceberg.Metadata;

namespace Iomete.Iceberg.Maintenance;

public sealed partial class ExpireSnapshots
{
    /// <summary>Files reachable from expired snapshots and from no kept one: content files, manifests, lists, statistics.</summary>
    private async Task<IReadOnlyList<string>> UnreachableFilesAsync(TableMetadata metadata, List<Snapshot> expired, CancellationToken ct)
    {
        var expiredIds = expired.Select(s => s.SnapshotId).ToHashSet();
        var kept = metadata.Snapshots.Where(s => !expiredIds.Contains(s.SnapshotId)).ToList();
        var reader = new TableFiles(io, maxConcurrency);
        var keptLists = await reader.ManifestListsAsync(kept, ct);
        var expiredLists = await reader.ManifestListsAsync(expired, ct);

        var keptManifests = keptLists.Values.SelectMany(l => l).ToList();
        var keptManifestPaths = keptManifests.Select(m => m.ManifestPath).ToHashSet(StringComparer.Ordinal);
        var goneManifests = expiredLists.Values.SelectMany(l => l).Where(m => !keptManifestPaths.Contains(m.ManifestPath)).ToList();

        var live = new HashSet<string>(StringComparer.Ordinal);
        foreach (var manifest in (await reader.ManifestsAsync(keptManifests, ct)).Values)
        {
            live.UnionWith(manifest.Entries.Where(e => e.Status != EntryStatus.Deleted).Select(e => e.DataFile.FilePath));
        }
        var result = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        void Add(string path)
        {
            if (seen.Add(path))
            {
                result.Add(path);
            }
        }
        foreach (var manifest in (await reader.ManifestsAsync(goneManifests, ct)).Values)
        {
            foreach (var path in manifest.Entries.Select(e => e.DataFile.FilePath).Where(p => !live.Contains(p)))
            {
                Add(path);
            }
        }
        foreach (var m in goneManifests)
        {
            Add(m.ManifestPath);
        }
        var keptListPaths = kept.Select(s => s.ManifestList).ToHashSet(StringComparer.Ordinal);
        foreach (var s in expired.Where(s => !keptListPaths.Contains(s.ManifestList)))
        {
            Add(s.ManifestList);
        }
        var keptStats = metadata.Statistics.Where(s => !expiredIds.Contains(s.SnapshotId)).Select(s => s.StatisticsPath)
            .Concat(metadata.PartitionStatistics.Where(s => !expiredIds.Contains(s.SnapshotId)).Select(s => s.StatisticsPath))
            .ToHashSet(StringComparer.Ordinal);
        foreach (var path in metadata.Statistics.Where(s => expiredIds.Contains(s.SnapshotId)).Select(s => s.StatisticsPath)
            .Concat(metadata.PartitionStatistics.Where(s => expiredIds.Contains(s.SnapshotId)).Select(s => s.StatisticsPath)))
        {
            if (!keptStats.Contains(path))
            {
                Add(path);
            }
        }
        return result;
    }
}
