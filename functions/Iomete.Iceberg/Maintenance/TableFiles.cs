using System.Collections.Concurrent;
using Iomete.Iceberg.IO;
using Iomete.Iceberg.Manifests;
using Iomete.Iceberg.Metadata;

namespace Iomete.Iceberg.Maintenance;

/// <summary>Reads manifest lists and manifests of a table concurrently (bounded), each file once.</summary>
internal sealed class TableFiles(TableFileIO io, int maxConcurrency)
{
    private readonly ConcurrentDictionary<string, IReadOnlyList<ManifestFile>> lists = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Manifest> manifests = new(StringComparer.Ordinal);

    public async Task<IReadOnlyDictionary<long, IReadOnlyList<ManifestFile>>> ManifestListsAsync(IEnumerable<Snapshot> snapshots, CancellationToken ct)
    {
        var all = snapshots.ToList();
        await Parallel.ForEachAsync(all, Options(ct), async (s, token) =>
        {
            if (!lists.ContainsKey(s.ManifestList))
            {
                lists[s.ManifestList] = ManifestListReader.Read(await io.ReadAllAsync(s.ManifestList, token)).Manifests;
            }
        });
        return all.ToDictionary(s => s.SnapshotId, s => lists[s.ManifestList]);
    }

    public async Task<IReadOnlyDictionary<string, Manifest>> ManifestsAsync(IEnumerable<ManifestFile> files, CancellationToken ct)
    {
        var unique = files.GroupBy(m => m.ManifestPath, StringComparer.Ordinal).Select(g => g.First()).ToList();
        await Parallel.ForEachAsync(unique, Options(ct), async (m, token) =>
        {
            if (!manifests.ContainsKey(m.ManifestPath))
            {
                manifests[m.ManifestPath] = ManifestReader.Read(await io.ReadAllAsync(m.ManifestPath, token), m);
            }
        });
        return unique.ToDictionary(m => m.ManifestPath, m => manifests[m.ManifestPath], StringComparer.Ordinal);
    }

    private ParallelOptions Options(CancellationToken ct) => new() { MaxDegreeOfParallelism = Math.Max(1, maxConcurrency), CancellationToken = ct };
}
