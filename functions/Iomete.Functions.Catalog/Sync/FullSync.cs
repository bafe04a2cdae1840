using Iomete.Engine.Catalogs;
using Iomete.Functions.Catalog.Annotations;
using Iomete.Functions.Catalog.Index;
using Iomete.Functions.Catalog.Search;
using Iomete.Platform.Errors;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Iomete.Functions.Catalog.Sync;

/// <summary>What a full sync did.</summary>
public sealed record SyncSummary(
    int Catalogs, int Databases, int Tables, int Changed, int Excluded, int MarkedDeleted, int Purged, int AnnotatedTables, DateTimeOffset StartedAt, long DurationMs);

/// <summary>
/// The periodic reconcile (IOMETE's Catalog Sync job): every catalog, database, table and view is read and stored;
/// entries the lakehouse no longer has are marked deleted; annotations are re-read; deleted entries older than the
/// retention are removed. One at a time per process (IOMETE's concurrency Forbid).
/// </summary>
public sealed partial class FullSync(
    CatalogIndexStore store, PlatformLakehouse lakehouse, CatalogDirectory directory, TableIndexer indexer, LiveIndex live,
    IOptions<CatalogOptions> options, TimeProvider clock, ILogger<FullSync> logger)
{
    private readonly SemaphoreSlim running = new(1, 1);

    /// <summary>Runs a sync; 409 when one is already running here.</summary>
    public async Task<SyncSummary> RunAsync(CancellationToken ct)
    {
        if (!await running.WaitAsync(0, ct))
        {
            throw new ConflictException("A catalog sync is already running.");
        }
        try
        {
            return await SyncAsync(ct);
        }
        finally
        {
            running.Release();
        }
    }

    /// <summary>Runs when the sync interval has passed since the last full sync (any replica's).</summary>
    public async Task<SyncSummary?> RunIfDueAsync(CancellationToken ct)
    {
        var interval = options.Value.SyncInterval;
        if (interval <= TimeSpan.Zero)
        {
            return null;
        }
        var state = await store.ReadStateAsync(ct);
        if (state.LastFullSync is { } last && clock.GetUtcNow() - last < interval)
        {
            return null;
        }
        try
        {
            return await RunAsync(ct);
        }
        catch (ConflictException)
        {
            return null;
        }
    }

    private async Task<SyncSummary> SyncAsync(CancellationToken ct)
    {
        var started = clock.GetUtcNow();
        var client = lakehouse.Client();
        var catalogs = await directory.ListAsync(client, ct);
        int databases = 0, tables = 0, changed = 0, excluded = 0, deleted = 0;
        foreach (var catalog in catalogs)
        {
            changed += await store.UpsertCatalogAsync(catalog.Name, catalog.Type, catalog.Location, clock.GetUtcNow(), ct) ? 1 : 0;
            var seenTables = new HashSet<TableKey>();
            var names = await client.ListDatabasesAsync(catalog.Name, ct);
            foreach (var database in names)
            {
                databases++;
                changed += await indexer.RefreshDatabaseForSyncAsync(client, catalog.Name, database, ct) ? 1 : 0;
                var (batch, excludedKeys) = await ReadDatabaseAsync(client, catalog.Name, database, seenTables, ct);
                tables += batch.Count;
                excluded += excludedKeys.Count;
                changed += await store.UpsertTablesAsync(batch, clock.GetUtcNow(), ct);
                changed += await store.RemoveTablesAsync(excludedKeys, ct);
            }
            var gone = (await store.LiveTablesAsync(catalog.Name, ct)).Select(t => t.Key).Where(k => !seenTables.Contains(k)).ToList();
            deleted += await store.MarkTablesDeletedAsync(gone, clock.GetUtcNow(), ct);
            foreach (var database in (await store.LiveDatabasesAsync(catalog.Name, ct)).Except(names, StringComparer.Ordinal))
            {
                deleted += await store.MarkDatabaseDeletedAsync(catalog.Name, database, clock.GetUtcNow(), ct) ? 1 : 0;
            }
        }
        foreach (var missing in (await store.LiveCatalogsAsync(ct)).Except(catalogs.Select(c => c.Name), StringComparer.Ordinal))
        {
            deleted += await store.MarkCatalogDeletedAsync(missing, clock.GetUtcNow(), ct) ? 1 : 0;
            var gone = (await store.LiveTablesAsync(missing, ct)).Select(t => t.Key).ToList();
            deleted += await store.MarkTablesDeletedAsync(gone, clock.GetUtcNow(), ct);
        }
        var annotated = await RebuildAnnotationsAsync(ct);
        var purged = await store.PurgeDeletedAsync(clock.GetUtcNow().AddDays(-options.Value.StaleRetentionDays), ct);
        await store.SetLastFullSyncAsync(started, ct);
        await live.CatchUpAsync(ct);
        var summary = new SyncSummary(catalogs.Count, databases, tables, changed, excluded, deleted, purged, annotated, started,
            (long)(clock.GetUtcNow() - started).TotalMilliseconds);
        LogSynced(logger, summary.Catalogs, summary.Databases, summary.Tables, summary.Changed, summary.MarkedDeleted, summary.Purged, summary.DurationMs);
        return summary;
    }

    private static async Task<(List<TableSnapshot> Batch, List<TableKey> Excluded)> ReadDatabaseAsync(
        ILakehouseCatalog client, string catalog, string database, HashSet<TableKey> seen, CancellationToken ct)
    {
        var batch = new List<TableSnapshot>();
        var excludedKeys = new List<TableKey>();
        IReadOnlyList<string> names;
        try
        {
            names = [.. await client.ListTablesAsync(catalog, database, ct), .. await client.ListViewsAsync(catalog, database, ct)];
        }
        catch (CatalogNotFoundException)
        {
            return (batch, excludedKeys);
        }
        foreach (var name in names.Distinct(StringComparer.Ordinal))
        {
            var key = new TableKey(catalog, database, name);
            var entry = await PlatformLakehouse.ReadAsync(client, key, ct);
            if (entry.Snapshot is not null)
            {
                seen.Add(key);
                batch.Add(entry.Snapshot);
            }
            else if (entry.Excluded)
            {
                seen.Add(key);
                excludedKeys.Add(key);
            }
        }
        return (batch, excludedKeys);
    }

    private async Task<int> RebuildAnnotationsAsync(CancellationToken ct)
    {
        if (indexer.Annotations is not { } source)
        {
            return 0;
        }
        var count = 0;
        var batch = new List<(TableKey, TableAnnotations?)>();
        await foreach (var annotations in source.ListAllAsync(ct))
        {
            batch.Add((annotations.Table, annotations));
            count++;
            if (batch.Count == 500)
            {
                await store.SetAnnotationsAsync(batch, ct);
                batch.Clear();
            }
        }
        await store.SetAnnotationsAsync(batch, ct);
        return count;
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Catalog sync: {Catalogs} catalogs, {Databases} databases, {Tables} tables ({Changed} changed, {Deleted} marked deleted, {Purged} purged) in {DurationMs} ms")]
    private static partial void LogSynced(ILogger logger, int catalogs, int databases, int tables, int changed, int deleted, int purged, long durationMs);
}
