using System.Collections.Concurrent;
using System.Text;
using Iomete.Functions.IcebergRest.Errors;
using Iomete.Functions.IcebergRest.Objects;
using Iomete.Iceberg.IO;
using Iomete.Iceberg.Json;
using Iomete.Iceberg.Metadata;
using Iomete.Platform.Errors;
using Iomete.Platform.Storage;

namespace Iomete.Functions.IcebergRest.Tables;

/// <summary>
/// Reads and writes table metadata files. A metadata file is immutable once written, so parsed files
/// are cached by location (bounded); the cache is what makes a hot loadTable cheap. A file deleted
/// behind the catalog's back is still noticed: on a local folder every hit checks that the file
/// exists (a stat), on object storage a hit older than <see cref="RecheckAfter"/> checks again.
/// </summary>
public sealed class TableMetadataFiles(TableFileIO io, TimeProvider clock)
{
    private static readonly TimeSpan RecheckAfter = TimeSpan.FromSeconds(5);

    private const int MaxCached = 2048;
    private static readonly IReadOnlyDictionary<string, string> NoConfig = new Dictionary<string, string>();

    private readonly ConcurrentDictionary<string, LoadedTable> cache = new(StringComparer.Ordinal);

    public TableFileIO IO => io;

    /// <summary>The metadata at <paramref name="location"/>; 404 <c>NotFoundException</c> when the file is gone.</summary>
    public async Task<LoadedTable> ReadAsync(string location, CancellationToken ct)
    {
        if (cache.TryGetValue(location, out var cached) && await StillThereAsync(location, cached, ct))
        {
            return cached;
        }
        byte[] bytes;
        try
        {
            bytes = await io.ReadAllAsync(location, ct);
        }
        catch (ObjectNotFoundException)
        {
            throw new ApiException(404, IcebergErrors.NotFound, "Not found", $"Failed to open metadata file: {location}");
        }
        catch (ArgumentException)
        {
            throw IcebergErrors.BadRequestError($"Metadata location is outside the warehouse: {location}");
        }
        var metadata = IcebergRequest.Parse(() => TableMetadataJson.Parse(Encoding.UTF8.GetString(bytes)));
        return Remember(new LoadedTable(location, metadata, NoConfig));
    }

    /// <summary>Writes <paramref name="metadata"/> as the next metadata file after <paramref name="previousLocation"/>.</summary>
    public async Task<LoadedTable> WriteAsync(TableMetadata metadata, string? previousLocation, CancellationToken ct)
    {
        var version = previousLocation is null ? 0 : Math.Max(ObjectLocations.VersionOf(previousLocation) + 1, 1);
        var location = ObjectLocations.MetadataFile(metadata.Location, version, Guid.NewGuid());
        await io.WriteAsync(location, Encoding.UTF8.GetBytes(TableMetadataJson.ToJson(metadata)), ct);
        return Remember(new LoadedTable(location, metadata, NoConfig));
    }

    /// <summary>An unsaved table (a staged create): metadata without a location.</summary>
    public static LoadedTable Staged(TableMetadata metadata) => new(null, metadata, NoConfig);

    /// <summary>Deletes a metadata file written for a commit that did not land.</summary>
    public async Task DiscardAsync(LoadedTable written, CancellationToken ct)
    {
        if (written.MetadataLocation is { } location)
        {
            cache.TryRemove(location, out _);
            await io.DeleteAsync(location, ct);
        }
    }

    private async Task<bool> StillThereAsync(string location, LoadedTable cached, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (!io.IsLocal && now - cached.CheckedAt < RecheckAfter)
        {
            return true;
        }
        if (await io.ExistsAsync(location, ct))
        {
            cached.CheckedAt = now;
            return true;
        }
        cache.TryRemove(location, out _);
        return false;
    }

    private LoadedTable Remember(LoadedTable table)
    {
        table.CheckedAt = clock.GetUtcNow();
        if (cache.Count >= MaxCached)
        {
            cache.Clear();
        }
        return cache.GetOrAdd(table.MetadataLocation!, table);
    }
}
