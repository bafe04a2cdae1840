using System.Collections.Concurrent;
using Iomete.Iceberg.IO;
using Iomete.Iceberg.Manifests;
using Iomete.Iceberg.Metadata;

namespace Iomete.Functions.Catalog.Tables;

/// <summary>Data files per snapshot, read from the manifests (each manifest list and manifest once, a few at a time).</summary>
public sealed class TableFileStats(TableFileIO io)
{
    private const int MaxConcurrency = 8;

    /// <summary>The live data files of each given snapshot, by path.</summary>
    public async Task<IReadOnlyDictionary<long, IReadOnlyList<DataFile>>> DataFilesAsync(IReadOnlyList<Snapshot> snapshots, CancellationToken ct)
    {
        var lists = new ConcurrentDictionary<long, IReadOnlyList<ManifestFile>>();
        var options = new ParallelOptions { MaxDegreeOfParallelism = MaxConcurrency, CancellationToken = ct };
        await Parallel.ForEachAsync(snapshots, options, async (s, token) =>
            lists[s.SnapshotId] = ManifestListReader.Read(await io.ReadAllAsync(s.ManifestList, token)).Manifests);
        var manifests = lists.Values.SelectMany(m => m).Where(m => m.Content == ManifestContent.Data)
            .GroupBy(m => m.ManifestPath, StringComparer.Ordinal).Select(g => g.First()).ToList();
        var entries = new ConcurrentDictionary<string, IReadOnlyList<DataFile>>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(manifests, options, async (m, token) =>
            entries[m.ManifestPath] = ManifestReader.Read(await io.ReadAllAsync(m.ManifestPath, token), m).Entries
                .Where(e => e.Status != EntryStatus.Deleted && e.DataFile.Content == FileContent.Data)
                .Select(e => e.DataFile)
                .ToList());
        return lists.ToDictionary(
            l => l.Key,
            l => (IReadOnlyList<DataFile>)l.Value.Where(m => m.Content == ManifestContent.Data).SelectMany(m => entries[m.ManifestPath]).ToList());
    }
}
