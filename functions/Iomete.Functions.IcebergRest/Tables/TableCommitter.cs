using Iomete.Functions.IcebergRest.Catalogs;
using Iomete.Functions.IcebergRest.Errors;
using Iomete.Functions.IcebergRest.Namespaces;
using Iomete.Functions.IcebergRest.Objects;
using Iomete.Iceberg.Commits;
using Iomete.Iceberg.Metadata;
using Microsoft.Extensions.Logging;

namespace Iomete.Functions.IcebergRest.Tables;

/// <summary>
/// The commit path: load the current metadata, check the requirements (a failure is a 409 without
/// retry), apply the updates (400 when they do not apply), write a new metadata file, then move the
/// pointer by compare-and-swap. A lost swap means another commit landed in between: the written file is
/// deleted and the commit is retried against the new metadata. A crash at any point leaves the pointer at
/// the old or the new file, never between.
/// </summary>
public sealed partial class TableCommitter(
    CatalogObjectStore objects, NamespaceStore namespaces, TableMetadataFiles files, TimeProvider clock, ILogger<TableCommitter> logger)
{
    private const int MaxAttempts = 5;
    private const string PreviousVersionsMax = "write.metadata.previous-versions-max";

    /// <summary>The table's current metadata; 404 <c>NoSuchTableException</c> when there is no such table.</summary>
    public async Task<(CatalogObject Object, LoadedTable Table)> LoadAsync(TableIdent id, CancellationToken ct)
    {
        var found = await objects.FindAsync(id.Catalog, id.Namespace, id.Name, ct);
        if (found is null || found.Kind != CatalogObjectKind.Table)
        {
            if (found is null && !await namespaces.ExistsAsync(id.Catalog, id.Namespace, ct))
            {
                throw IcebergErrors.NoSuchNamespaceError(id.Namespace.ToString());
            }
            throw IcebergErrors.NoSuchTableError(id.ToString());
        }
        return (found, await files.ReadAsync(found.MetadataLocation, ct));
    }

    /// <summary>Commits one table's change (a create when it carries <c>assert-create</c>); returns the new current metadata.</summary>
    public async Task<LoadedTable> CommitAsync(CatalogView catalog, TableChange change, CancellationToken ct)
    {
        if (change.IsCreate)
        {
            return await CreateAsync(catalog, change, ct);
        }
        var results = await CommitAllAsync([change], ct);
        return results[0];
    }

    /// <summary>Commits several tables atomically: every pointer moves, or none does.</summary>
    public async Task<IReadOnlyList<LoadedTable>> CommitAllAsync(IReadOnlyList<TableChange> changes, CancellationToken ct)
    {
        if (changes.Any(c => c.IsCreate))
        {
            throw IcebergErrors.BadRequestError("assert-create is not supported in a multi-table transaction; create the table first.");
        }
        if (changes.Select(c => c.Table).Distinct().Count() != changes.Count)
        {
            throw IcebergErrors.BadRequestError("A transaction must name each table at most once.");
        }
        for (var attempt = 0; ; attempt++)
        {
            var prepared = new List<(TableChange Change, CatalogObject Object, LoadedTable Base, LoadedTable Next)>();
            try
            {
                foreach (var change in changes)
                {
                    var (obj, current) = await LoadAsync(change.Table, ct);
                    var next = Prepare(change, current.Metadata, attempt);
                    var written = next is null ? current : await files.WriteAsync(WithMetadataLog(next, current), obj.MetadataLocation, ct);
                    prepared.Add((change, obj, current, written));
                }
            }
            catch
            {
                await DiscardAsync(prepared.Where(p => p.Next != p.Base).Select(p => p.Next));
                throw;
            }
            var swaps = prepared.Where(p => p.Next != p.Base)
                .Select(p => new PointerSwap(p.Object.Catalog, p.Object.Namespace, p.Object.Name, CatalogObjectKind.Table, p.Object.MetadataLocation, p.Next.MetadataLocation!))
                .ToList();
            if (swaps.Count == 0 || await objects.SwapAsync(swaps, ct))
            {
                return prepared.Select(p => p.Next).ToList();
            }
            await DiscardAsync(prepared.Where(p => p.Next != p.Base).Select(p => p.Next));
            LogCommitRetry(logger, string.Join(", ", changes.Select(c => c.Table.ToString())), attempt + 1);
            if (attempt + 1 >= MaxAttempts)
            {
                throw IcebergErrors.CommitFailedError($"Commit to {changes[0].Table} lost {MaxAttempts} races with concurrent commits; refresh and retry.");
            }
        }
    }

    private async Task<LoadedTable> CreateAsync(CatalogView catalog, TableChange change, CancellationToken ct)
    {
        var id = change.Table;
        var existing = await objects.FindAsync(id.Catalog, id.Namespace, id.Name, ct);
        if (existing is not null)
        {
            throw IcebergErrors.CommitFailedError($"Requirement failed: table already exists: {id}");
        }
        var nsProperties = await namespaces.LoadAsync(id.Catalog, id.Namespace, ct) ?? throw IcebergErrors.NoSuchNamespaceError(id.Namespace.ToString());
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var empty = EmptyTable.For(change.Updates, ObjectLocations.Default(catalog, id.Namespace, id.Name, nsProperties), now);
        return await CreateTableAsync(id, Prepare(change, null, 0, empty) ?? empty, ct);
    }

    /// <summary>Writes a new table's first metadata file and registers the table; the file is deleted when the name is taken.</summary>
    public async Task<LoadedTable> CreateTableAsync(TableIdent id, TableMetadata metadata, CancellationToken ct)
    {
        RequireOwnedLocation(metadata.Location);
        var written = await files.WriteAsync(metadata, null, ct);
        try
        {
            await objects.CreateAsync(id.Catalog, id.Namespace, id.Name, CatalogObjectKind.Table, written.MetadataLocation!, ct);
        }
        catch
        {
            await DiscardAsync([written]);
            throw;
        }
        return written;
    }

    /// <summary>Checks and applies; null when there is nothing to change (no new metadata file is written then).</summary>
    private TableMetadata? Prepare(TableChange change, TableMetadata? current, int attempt, TableMetadata? applyTo = null)
    {
        foreach (var requirement in change.Requirements)
        {
            try
            {
                requirement.Check(current);
            }
            catch (CommitConflictException ex)
            {
                throw IcebergErrors.CommitFailedError($"{ex.Message} (table {change.Table})");
            }
        }
        var @base = applyTo ?? current!;
        if (change.Updates.Count == 0 && applyTo is null)
        {
            return null;
        }
        try
        {
            var next = MetadataUpdater.Apply(@base, change.Updates, clock.GetUtcNow().ToUnixTimeMilliseconds());
            if (applyTo is null)
            {
                RequireOwnedLocation(next.Location);
            }
            return next;
        }
        catch (InvalidCommitException ex) when (attempt > 0)
        {
            // The updates applied to the metadata the client saw; a concurrent commit made them stale.
            throw IcebergErrors.CommitFailedError($"Commit to {change.Table} conflicts with a concurrent commit: {ex.Message}");
        }
        catch (InvalidCommitException ex)
        {
            throw IcebergErrors.BadRequestError($"Invalid commit to {change.Table}: {ex.Message}");
        }
    }

    /// <summary>400 unless a table location lies in the warehouse (the object store's root).</summary>
    public void RequireOwnedLocation(string location)
    {
        if (!files.IO.Owns(location + "/metadata"))
        {
            throw IcebergErrors.BadRequestError($"Table location '{location}' is outside the warehouse '{files.IO.Root}'.");
        }
    }

    private static TableMetadata WithMetadataLog(TableMetadata next, LoadedTable previous)
    {
        var keep = next.Properties.TryGetValue(PreviousVersionsMax, out var value) && int.TryParse(value, out var n) && n >= 1 ? n : 100;
        var log = next.MetadataLog.Append(new MetadataLogEntry(previous.MetadataLocation!, previous.Metadata.LastUpdatedMs)).ToList();
        return next with { MetadataLog = log.Skip(Math.Max(0, log.Count - keep)).ToList() };
    }

    private async Task DiscardAsync(IEnumerable<LoadedTable> written)
    {
        foreach (var table in written)
        {
            try
            {
                await files.DiscardAsync(table, CancellationToken.None);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or Amazon.Runtime.AmazonServiceException)
            {
                LogDiscardFailed(logger, table.MetadataLocation, ex);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Commit to {Tables} lost a race; attempt {Attempt} follows")]
    private static partial void LogCommitRetry(ILogger logger, string tables, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not delete the metadata file {Location} of a failed commit")]
    private static partial void LogDiscardFailed(ILogger logger, string? location, Exception exception);
}
