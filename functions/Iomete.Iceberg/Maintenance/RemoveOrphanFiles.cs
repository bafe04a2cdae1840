using Iomete.Iceberg.IO;
using Iomete.Iceberg.Metadata;

namespace Iomete.Iceberg.Maintenance;

/// <summary>A file under the table location that no metadata reaches.</summary>
public sealed record OrphanFile(string Location, long Size, DateTimeOffset LastModified);

/// <summary>
/// Finds files under a table's location that are not reachable from its metadata: the current metadata file, the
/// metadata log, every snapshot's manifest list, their manifests, every file those manifests list (any status),
/// and statistics and partition statistics files. Only files last modified before <c>olderThan</c> are returned, so
/// files of commits in flight are not reported. The caller deletes them; nothing is changed here.
/// </summary>
public sealed class RemoveOrphanFiles(TableFileIO io, int maxConcurrency = 8)
{
    /// <summary>The guard the API applies by default: only files older than this are orphans.</summary>
    public static readonly TimeSpan DefaultMinAge = TimeSpan.FromDays(3);

    public async Task<IReadOnlyList<OrphanFile>> FindAsync(
        TableMetadata metadata, string? currentMetadataLocation, DateTimeOffset olderThan, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        if (!io.Owns(metadata.Location.TrimEnd('/') + "/x"))
        {
            throw new ArgumentException($"Table location '{metadata.Location}' is outside the warehouse", nameof(metadata));
        }
        var reachable = await ReachableKeysAsync(metadata, currentMetadataLocation, ct);
        var orphans = new List<OrphanFile>();
        await foreach (var (location, info) in io.ListAsync(metadata.Location, ct))
        {
            if (info.LastModified < olderThan && !reachable.Contains(info.Key))
            {
                orphans.Add(new OrphanFile(location, info.Size, info.LastModified));
            }
        }
        return orphans;
    }

    private async Task<HashSet<string>> ReachableKeysAsync(TableMetadata metadata, string? currentMetadataLocation, CancellationToken ct)
    {
        var locations = await ReachableFiles.LocationsAsync(io, metadata, currentMetadataLocation, maxConcurrency, onUnreadable: null, ct);
        return locations.Where(io.Owns).Select(io.KeyOf).ToHashSet(StringComparer.Ordinal);
    }
}
