using Iomete.Engine.Catalogs;
using Iomete.Functions.Catalog.Annotations;
using Iomete.Functions.Catalog.Index;
using Iomete.Functions.Catalog.Search;
using Iomete.Platform.Messaging;

namespace Iomete.Functions.Catalog.Sync;

/// <summary>What one event did to the index.</summary>
public sealed record IndexOutcome(int Changed);

/// <summary>
/// Keeps the index current from <see cref="TableChanged"/> events. The event only says where to look: the table is read
/// again from the lakehouse and stored as it is now, so a redelivered or out-of-order event converges on the same state
/// (a table still there after a late drop event stays; a stale metadata file never overwrites a newer one).
/// </summary>
public sealed class TableIndexer(
    CatalogIndexStore store, PlatformLakehouse lakehouse, CatalogDirectory directory, IEnumerable<ITableAnnotationSource> annotationSources,
    LiveIndex live, TimeProvider clock)
{
    private readonly ITableAnnotationSource? annotations = annotationSources.LastOrDefault();

    public async Task<IndexOutcome> ApplyAsync(TableChanged change, CancellationToken ct)
    {
        var client = lakehouse.Client();
        var database = string.Join('.', change.Namespace);
        var changed = await EnsureCatalogAsync(client, change.Catalog, ct) ? 1 : 0;
        if (change.Name is null)
        {
            changed += await RefreshDatabaseAsync(client, change.Catalog, database, ct) ? 1 : 0;
        }
        else
        {
            if (!await store.DatabaseKnownAsync(change.Catalog, database, ct))
            {
                changed += await RefreshDatabaseAsync(client, change.Catalog, database, ct) ? 1 : 0;
            }
            var target = new TableKey(change.Catalog, database, change.Name);
            if (change.PreviousName is not null)
            {
                var source = new TableKey(change.Catalog, string.Join('.', change.PreviousNamespace ?? change.Namespace), change.PreviousName);
                if (!(await PlatformLakehouse.ReadAsync(client, source, ct)).Exists && await store.MoveTableAsync(source, target, ct))
                {
                    changed++;
                }
                changed += await RefreshTableAsync(client, source, ct);
            }
            changed += await RefreshTableAsync(client, target, ct);
        }
        await live.CatchUpAsync(ct);
        return new IndexOutcome(changed);
    }

    /// <summary>Re-reads a table's annotations (after a <see cref="CatalogEntryChanged"/>).</summary>
    public async Task<IndexOutcome> RefreshAnnotationsAsync(TableKey key, CancellationToken ct)
    {
        if (annotations is null)
        {
            return new IndexOutcome(0);
        }
        var changed = await store.SetAnnotationsAsync([(key, await annotations.GetAsync(key, ct))], ct);
        await live.CatchUpAsync(ct);
        return new IndexOutcome(changed);
    }

    /// <summary>Stores the table as the lakehouse has it now: upserted, removed when excluded, marked deleted when gone.</summary>
    public async Task<int> RefreshTableAsync(ILakehouseCatalog client, TableKey key, CancellationToken ct)
    {
        var entry = await PlatformLakehouse.ReadAsync(client, key, ct);
        if (entry.Excluded)
        {
            return await store.RemoveTablesAsync([key], ct);
        }
        if (entry.Snapshot is null)
        {
            return await store.MarkTablesDeletedAsync([key], clock.GetUtcNow(), ct);
        }
        var changed = await store.UpsertTablesAsync([entry.Snapshot], clock.GetUtcNow(), ct);
        if (annotations is not null)
        {
            changed += await store.SetAnnotationsAsync([(key, await annotations.GetAsync(key, ct))], ct);
        }
        return changed;
    }

    private async Task<bool> RefreshDatabaseAsync(ILakehouseCatalog client, string catalog, string database, CancellationToken ct)
    {
        var properties = await PlatformLakehouse.DatabaseAsync(client, catalog, database, ct);
        if (properties is null)
        {
            return await store.MarkDatabaseDeletedAsync(catalog, database, clock.GetUtcNow(), ct);
        }
        return await store.UpsertDatabaseAsync(catalog, database,
            TableSnapshots.Property(properties, TableSnapshots.CommentProperty), TableSnapshots.Property(properties, "location"),
            TableSnapshots.Property(properties, TableSnapshots.OwnerProperty), clock.GetUtcNow(), ct);
    }

    private async Task<bool> EnsureCatalogAsync(ILakehouseCatalog client, string catalog, CancellationToken ct)
    {
        if (await store.CatalogKnownAsync(catalog, ct))
        {
            return false;
        }
        var known = (await directory.ListAsync(client, ct)).FirstOrDefault(c => c.Name == catalog) ?? new LakehouseCatalog(catalog, CatalogDirectory.ManagedType, null);
        return await store.UpsertCatalogAsync(known.Name, known.Type, known.Location, clock.GetUtcNow(), ct);
    }

    internal Task<bool> RefreshDatabaseForSyncAsync(ILakehouseCatalog client, string catalog, string database, CancellationToken ct) =>
        RefreshDatabaseAsync(client, catalog, database, ct);

    internal ITableAnnotationSource? Annotations => annotations;
}
