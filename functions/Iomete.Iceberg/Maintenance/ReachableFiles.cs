using System.Collections.Concurrent;
using Iomete.Iceberg.IO;
using Iomete.Iceberg.Manifests;
using Iomete.Iceberg.Manifests.Avro;
using Iomete.Iceberg.Metadata;
using Iomete.Platform.Storage;

namespace Iomete.Iceberg.Maintenance;

/// <summary>
/// Every file a table's metadata reaches: the current metadata file, logged metadata files, statistics
/// files, manifest lists, manifests, and the data and delete files they list.
/// </summary>
public static class ReachableFiles
{
    /// <param name="onUnreadable">
    /// When given, a manifest list or manifest that is missing or corrupt is reported and skipped (the files
    /// it names are then not listed); when null, the error propagates.
    /// </param>
    public static async Task<IReadOnlyCollection<string>> LocationsAsync(
        TableFileIO io, TableMetadata metadata, string? currentMetadataLocation, int maxConcurrency,
        Action<string, Exception>? onUnreadable, CancellationToken ct)
    {
        var locations = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
        void Add(IEnumerable<string> found)
        {
            foreach (var location in found)
            {
                locations.TryAdd(location, true);
            }
        }
        if (currentMetadataLocation is not null)
        {
            Add([currentMetadataLocation]);
        }
        Add(metadata.MetadataLog.Select(e => e.MetadataFile));
        Add(metadata.Statistics.Select(s => s.StatisticsPath));
        Add(metadata.PartitionStatistics.Select(s => s.StatisticsPath));
        Add(metadata.Snapshots.Select(s => s.ManifestList));

        var options = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, maxConcurrency), CancellationToken = ct };
        var manifests = new ConcurrentDictionary<string, ManifestFile>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(metadata.Snapshots.Select(s => s.ManifestList).Distinct(StringComparer.Ordinal), options, async (list, token) =>
        {
            var read = await ReadAsync(io, list, bytes => ManifestListReader.Read(bytes).Manifests, onUnreadable, token);
            foreach (var manifest in read ?? [])
            {
                manifests.TryAdd(manifest.ManifestPath, manifest);
            }
        });
        Add(manifests.Keys);
        await Parallel.ForEachAsync(manifests.Values, options, async (manifest, token) =>
        {
            var read = await ReadAsync(io, manifest.ManifestPath, bytes => ManifestReader.Read(bytes, manifest).Entries, onUnreadable, token);
            Add((read ?? []).Select(e => e.DataFile.FilePath));
        });
        return locations.Keys.ToList();
    }

    private static async Task<T?> ReadAsync<T>(TableFileIO io, string location, Func<byte[], T> parse, Action<string, Exception>? onUnreadable, CancellationToken ct)
        where T : class
    {
        try
        {
            return parse(await io.ReadAllAsync(location, ct));
        }
        catch (Exception ex) when (onUnreadable is not null && ex is ObjectNotFoundException or AvroFormatException or ArgumentException)
        {
            onUnreadable(location, ex);
            return null;
        }
    }
}
