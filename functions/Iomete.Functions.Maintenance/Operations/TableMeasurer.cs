using System.Collections.Concurrent;
using Iomete.Functions.Maintenance.Runs;
using Iomete.Iceberg.IO;
using Iomete.Iceberg.Manifests;
using Iomete.Iceberg.Metadata;

namespace Iomete.Functions.Maintenance.Operations;

/// <summary>Measures a table: the current snapshot's live data and delete files (count, small ones, size, rows), its data manifests, and the snapshots.</summary>
public sealed class TableMeasurer(TableFileIO io)
{
    private const int MaxConcurrency = 8;

    public async Task<TableMetrics> MeasureAsync(TableMetadata metadata, long smallFileSizeBytes, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        var oldest = metadata.Snapshots.Count == 0 ? (DateTimeOffset?)null : DateTimeOffset.FromUnixTimeMilliseconds(metadata.Snapshots.Min(s => s.TimestampMs));
        if (metadata.CurrentSnapshot is not { } current)
        {
            return new TableMetrics(0, 0, 0, 0, 0, 0, metadata.Snapshots.Count, oldest);
        }
        var manifests = ManifestListReader.Read(await io.ReadAllAsync(current.ManifestList, ct)).Manifests;
        var files = new ConcurrentBag<DataFile>();
        await Parallel.ForEachAsync(manifests, new ParallelOptions { MaxDegreeOfParallelism = MaxConcurrency, CancellationToken = ct }, async (manifest, token) =>
        {
            var read = ManifestReader.Read(await io.ReadAllAsync(manifest.ManifestPath, token), manifest);
            foreach (var entry in read.Entries.Where(e => e.Status != EntryStatus.Deleted))
            {
                files.Add(entry.DataFile);
            }
        });
        var data = files.Where(f => f.Content == FileContent.Data).ToList();
        return new TableMetrics(
            data.Count,
            data.Count(f => f.FileSizeInBytes < smallFileSizeBytes),
            files.Count - data.Count,
            files.Sum(f => f.FileSizeInBytes),
            data.Sum(f => f.RecordCount),
            manifests.Count(m => m.Content == ManifestContent.Data),
            metadata.Snapshots.Count,
            oldest);
    }
}
