using System.Collections.Concurrent;
using Iomete.Iceberg.Expressions;
using Iomete.Iceberg.IO;
using Iomete.Iceberg.Manifests;
using Iomete.Iceberg.Metadata;
using Iomete.Iceberg.Schemas;

namespace Iomete.Iceberg.Scan;

/// <summary>
/// Plans a table scan: reads the snapshot's manifest list, prunes manifests by their partition summaries and files by
/// their partition values and column metrics (both inclusive: a file that may hold a matching row is kept), and pairs
/// each live data file with the delete files that apply to it. Manifests are read concurrently, at most
/// <paramref name="maxConcurrency"/> at a time.
/// </summary>
public sealed class ScanPlanner(TableFileIO io, int maxConcurrency = 8)
{
    /// <exception cref="SnapshotNotFoundException">The snapshot id or ref does not exist.</exception>
    /// <exception cref="Json.IcebergFormatException">The filter does not bind to the schema.</exception>
    public async Task<ScanPlan> PlanAsync(TableScan scan, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(scan);
        var metadata = scan.Metadata;
        var snapshot = ResolveSnapshot(scan);
        var schema = scan.UseSnapshotSchema && snapshot?.SchemaId is { } sid && metadata.SchemaById(sid) is { } s ? s : metadata.CurrentSchema;
        var filter = Binder.Bind(schema, scan.Filter, scan.CaseSensitive);
        if (snapshot is null)
        {
            return new ScanPlan(null, schema, filter, [], new ScanMetrics(0, 0, 0, 0, 0, 0, 0, 0, 0, 0));
        }
        var list = ManifestListReader.Read(await io.ReadAllAsync(snapshot.ManifestList, ct));
        var specFilters = new ConcurrentDictionary<int, SpecFilter>();
        SpecFilter SpecFilterOf(int specId) => specFilters.GetOrAdd(specId, id => new SpecFilter(metadata.SpecById(id), schema, filter));
        var metricsEvaluator = new MetricsEvaluator(filter);

        // v2+ lists always carry file counts; a manifest without live files has nothing to plan.
        bool HasLiveFiles(ManifestFile m) => list.FormatVersion < 2 || m.AddedFilesCount + m.ExistingFilesCount > 0;
        var dataManifests = list.Manifests.Where(m => m.Content == ManifestContent.Data).ToList();
        var deleteManifests = list.Manifests.Where(m => m.Content == ManifestContent.Deletes).ToList();
        var keptData = dataManifests.Where(m => HasLiveFiles(m) && SpecFilterOf(m.PartitionSpecId).ManifestMightMatch(m)).ToList();
        var keptDeletes = deleteManifests.Where(m => HasLiveFiles(m) && SpecFilterOf(m.PartitionSpecId).ManifestMightMatch(m)).ToList();

        var dataResults = new List<ScanFile>[keptData.Count];
        var deleteResults = new List<ScanFile>[keptDeletes.Count];
        var skippedFiles = 0;
        var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, maxConcurrency), CancellationToken = ct };
        var work = keptData.Select((m, i) => (Manifest: m, Index: i, Data: true))
            .Concat(keptDeletes.Select((m, i) => (Manifest: m, Index: i, Data: false)));
        await Parallel.ForEachAsync(work, options, async (item, token) =>
        {
            var manifest = ManifestReader.Read(await io.ReadAllAsync(item.Manifest.ManifestPath, token), item.Manifest);
            var specFilter = SpecFilterOf(item.Manifest.PartitionSpecId);
            var kept = new List<ScanFile>();
            foreach (var entry in manifest.Entries)
            {
                if (entry.Status == EntryStatus.Deleted)
                {
                    continue;
                }
                var keep = specFilter.PartitionMightMatch(entry.DataFile.Partition)
                    && (!item.Data || metricsEvaluator.MightMatch(entry.DataFile));
                if (keep)
                {
                    kept.Add(new ScanFile(entry.DataFile, item.Manifest.PartitionSpecId, entry.SequenceNumber ?? 0, entry.FileSequenceNumber ?? 0));
                }
                else if (item.Data)
                {
                    Interlocked.Increment(ref skippedFiles);
                }
            }
            (item.Data ? dataResults : deleteResults)[item.Index] = kept;
        });

        var deletes = new DeleteFileIndex(deleteResults.SelectMany(r => r), metadata);
        var tasks = dataResults.SelectMany(r => r).Select(d => new FileScanTask(d, deletes.For(d))).ToList();
        var metrics = new ScanMetrics(
            dataManifests.Count, keptData.Count, dataManifests.Count - keptData.Count,
            deleteManifests.Count, keptDeletes.Count, deleteManifests.Count - keptDeletes.Count,
            tasks.Count, skippedFiles, deletes.Count,
            tasks.SelectMany(t => t.DeleteFiles).Select(d => d.File.FilePath).Distinct(StringComparer.Ordinal).Count());
        return new ScanPlan(snapshot, schema, filter, tasks, metrics);
    }

    private static Snapshot? ResolveSnapshot(TableScan scan)
    {
        var metadata = scan.Metadata;
        if (scan.SnapshotId is { } id)
        {
            if (scan.RefName is not null)
            {
                throw new ArgumentException("A scan names a snapshot id or a ref, not both", nameof(scan));
            }
            return metadata.SnapshotById(id) ?? throw new SnapshotNotFoundException($"Snapshot {id} does not exist");
        }
        if (scan.RefName is { } name)
        {
            return metadata.SnapshotForRef(name) ?? throw new SnapshotNotFoundException($"Ref '{name}' does not exist");
        }
        return metadata.CurrentSnapshot;
    }
}
