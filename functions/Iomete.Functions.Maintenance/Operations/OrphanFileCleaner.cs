using System.Globalization;
using Iomete.Engine.Catalogs;
using Iomete.Functions.Maintenance.Settings;
using Iomete.Iceberg.IO;
using Iomete.Iceberg.Maintenance;

namespace Iomete.Functions.Maintenance.Operations;

/// <summary>
/// Lists the table location in object storage and deletes the files no metadata references (current metadata file,
/// metadata log, every snapshot's manifest list and manifests and the files they name, statistics), and only those
/// older than the retention (at least 3 days). Aborts without deleting anything when the orphans exceed the allowed share
/// of the files: that points at a wrong location or broken metadata, not at garbage.
/// </summary>
public sealed class OrphanFileCleaner(PlatformCatalog platform, TableFileIO io, TimeProvider clock)
{
    public async Task<string> RunAsync(TableIdent ident, RemoveOrphanFilesConfig config, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(config);
        var days = Math.Max(RemoveOrphanFilesConfig.MinOlderThanDays, config.OlderThanDays);
        var table = await platform.LoadAsync(ident, ct);
        var olderThan = clock.GetUtcNow() - TimeSpan.FromDays(days);
        var total = 0L;
        await foreach (var _ in io.ListAsync(table.Metadata.Location, ct))
        {
            total++;
        }
        var orphans = await new RemoveOrphanFiles(io).FindAsync(table.Metadata, table.MetadataLocation, olderThan, ct);
        if (orphans.Count == 0)
        {
            return string.Create(CultureInfo.InvariantCulture, $"No orphan files older than {days} days among {total} file(s)");
        }
        var percent = total == 0 ? 0 : orphans.Count * 100d / total;
        if (percent > config.MaxOrphanRatioPercent)
        {
            throw new MaintenanceAbortedException(string.Create(CultureInfo.InvariantCulture,
                $"Orphan cleanup aborted — threshold exceeded: {orphans.Count} of {total} files ({percent:0.#}%) under {table.Metadata.Location} are not referenced by the table's metadata, above the {config.MaxOrphanRatioPercent}% limit. Nothing was deleted; check the table location and metadata, or raise maxOrphanRatioPercent."));
        }
        foreach (var orphan in orphans)
        {
            await io.DeleteAsync(orphan.Location, CancellationToken.None);
        }
        return string.Create(CultureInfo.InvariantCulture,
            $"Deleted {orphans.Count} orphan file(s) ({orphans.Sum(o => o.Size)} bytes) older than {days} days among {total} file(s)");
    }
}
