using System.Text;
using Iomete.Functions.IcebergRest.Catalogs;
using Iomete.Functions.IcebergRest.Errors;
using Iomete.Functions.IcebergRest.Namespaces;
using Iomete.Functions.IcebergRest.Objects;
using Iomete.Iceberg.Commits;
using Iomete.Iceberg.IO;
using Iomete.Iceberg.Json;
using Iomete.Iceberg.Schemas;
using Iomete.Iceberg.Views;
using Iomete.Platform.Storage;
using Microsoft.Extensions.Logging;

namespace Iomete.Functions.IcebergRest.Views;

/// <summary>A view's current metadata file and its content.</summary>
public sealed record LoadedView(string MetadataLocation, ViewMetadata Metadata);

/// <summary>
/// Views of the catalogs: rows of kind view in <see cref="CatalogObjectStore"/> pointing at metadata
/// files written through <see cref="TableFileIO"/>. Commits write a new file and move the pointer by
/// compare-and-swap; a lost swap is retried while the requirements still hold.
/// </summary>
public sealed partial class ViewCatalog(
    CatalogObjectStore objects, NamespaceStore namespaces, TableFileIO io, TimeProvider clock, ILogger<ViewCatalog> logger)
{
    private const int MaxCommitAttempts = 4;

    /// <summary>The view's current metadata; 404 NoSuchViewException when there is no view of that name (a table is not a view).</summary>
    public async Task<LoadedView> LoadAsync(CatalogView catalog, NamespaceName ns, string name, CancellationToken ct)
    {
        var found = await objects.FindAsync(catalog.Name, ns, name, ct);
        if (found is null || found.Kind != CatalogObjectKind.View)
        {
            throw ViewErrors.NoSuchView(ns, name);
        }
        return new LoadedView(found.MetadataLocation, await ReadAsync(found.MetadataLocation, ct));
    }

    public async Task<bool> ExistsAsync(CatalogView catalog, NamespaceName ns, string name, CancellationToken ct) =>
        await objects.FindAsync(catalog.Name, ns, name, ct) is { Kind: CatalogObjectKind.View };

    /// <summary>Creates a view with version 1 of the given query; the version's schema id becomes the id assigned to <paramref name="schema"/>.</summary>
    public async Task<LoadedView> CreateAsync(CatalogView catalog, NamespaceName ns, string name, string? location,
        Schema schema, ViewVersion version, IReadOnlyDictionary<string, string> properties, CancellationToken ct)
    {
        var nsProperties = await namespaces.LoadAsync(catalog.Name, ns, ct) ?? throw IcebergErrors.NoSuchNamespaceError(ns.ToString());
        await RequireFreeAsync(catalog, ns, name, ct);
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var metadata = Apply(null,
        [
            new AssignUuid(Guid.NewGuid()),
            new SetLocation((location ?? ObjectLocations.Default(catalog, ns, name, nsProperties)).TrimEnd('/')),
            new SetProperties(properties),
            new AddSchema(schema),
            new AddViewVersion(version with { VersionId = 1, SchemaId = TableUpdate.LastAdded, TimestampMs = now }),
            new SetCurrentViewVersion(TableUpdate.LastAdded),
        ], now);
        var file = await WriteAsync(metadata, 0, ct);
        try
        {
            await objects.CreateAsync(catalog.Name, ns, name, CatalogObjectKind.View, file, ct);
        }
        catch (Exception)
        {
            await DeleteQuietlyAsync(file);
            throw;
        }
        return new LoadedView(file, metadata);
    }

    /// <summary>Registers an existing metadata file as a view; 400 when it is missing, outside the warehouse or not view metadata.</summary>
    public async Task<LoadedView> RegisterAsync(CatalogView catalog, NamespaceName ns, string name, string metadataLocation, CancellationToken ct)
    {
        if (!await namespaces.ExistsAsync(catalog.Name, ns, ct))
        {
            throw IcebergErrors.NoSuchNamespaceError(ns.ToString());
        }
        await RequireFreeAsync(catalog, ns, name, ct);
        if (!io.Owns(metadataLocation))
        {
            throw IcebergErrors.BadRequestError($"Invalid metadata-location '{metadataLocation}': it is outside the warehouse root.");
        }
        ViewMetadata metadata;
        try
        {
            metadata = await ReadAsync(metadataLocation, ct);
        }
        catch (ObjectNotFoundException)
        {
            throw IcebergErrors.BadRequestError($"Invalid metadata-location '{metadataLocation}': the file does not exist.");
        }
        catch (IcebergFormatException ex)
        {
            throw IcebergErrors.BadRequestError($"Invalid metadata-location '{metadataLocation}': not view metadata: {ex.Message}");
        }
        await objects.CreateAsync(catalog.Name, ns, name, CatalogObjectKind.View, metadataLocation, ct);
        return new LoadedView(metadataLocation, metadata);
    }

    /// <summary>
    /// Commits updates: 404 when the view is gone, 409 CommitFailedException when a requirement fails,
    /// 400 when an update cannot be applied. A commit that changes nothing writes nothing.
    /// </summary>
    public async Task<LoadedView> CommitAsync(CatalogView catalog, NamespaceName ns, string name,
        IReadOnlyList<ViewRequirement> requirements, IReadOnlyList<TableUpdate> updates, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            var current = await LoadAsync(catalog, ns, name, ct);
            foreach (var requirement in requirements)
            {
                try
                {
                    requirement.Check(current.Metadata);
                }
                catch (CommitConflictException ex)
                {
                    throw IcebergErrors.CommitFailedError(ex.Message);
                }
            }
            var updated = Apply(current.Metadata, updates, clock.GetUtcNow().ToUnixTimeMilliseconds());
            if (ViewMetadataJson.ToJson(updated) == ViewMetadataJson.ToJson(current.Metadata))
            {
                return current;
            }
            var file = await WriteAsync(updated, ObjectLocations.VersionOf(current.MetadataLocation) + 1, ct);
            var swap = new PointerSwap(catalog.Name, ns, name, CatalogObjectKind.View, current.MetadataLocation, file);
            if (await objects.SwapAsync([swap], ct))
            {
                return new LoadedView(file, updated);
            }
            await DeleteQuietlyAsync(file);
            if (attempt >= MaxCommitAttempts)
            {
                throw IcebergErrors.CommitFailedError($"View {CatalogObjectStore.Display(ns, name)} changed concurrently {attempt} times; refresh and retry the commit.");
            }
            LogCommitRetry(CatalogObjectStore.Display(ns, name), attempt);
        }
    }

    /// <summary>Forgets a view (its files are kept); false when there is no view of that name.</summary>
    public async Task<bool> DropAsync(CatalogView catalog, NamespaceName ns, string name, CancellationToken ct) =>
        await objects.DropAsync(catalog.Name, ns, name, CatalogObjectKind.View, ct) is not null;

    /// <summary>Renames a view within the catalog, with the Java reference's errors (404 source or namespace, 409 target taken).</summary>
    public async Task RenameAsync(CatalogView catalog, NamespaceName fromNs, string from, NamespaceName toNs, string to, CancellationToken ct)
    {
        if (await objects.FindAsync(catalog.Name, fromNs, from, ct) is not { Kind: CatalogObjectKind.View })
        {
            throw ViewErrors.NoSuchView(fromNs, from);
        }
        if (!await namespaces.ExistsAsync(catalog.Name, toNs, ct))
        {
            throw IcebergErrors.NoSuchNamespaceError(toNs.ToString());
        }
        if (await objects.FindAsync(catalog.Name, toNs, to, ct) is { } target)
        {
            throw ViewErrors.RenameTargetExists(CatalogObjectStore.Display(fromNs, from), CatalogObjectStore.Display(toNs, to), target.Kind);
        }
        await objects.RenameAsync(catalog.Name, fromNs, from, toNs, to, CatalogObjectKind.View, ct);
    }

    private async Task RequireFreeAsync(CatalogView catalog, NamespaceName ns, string name, CancellationToken ct)
    {
        if (await objects.FindAsync(catalog.Name, ns, name, ct) is { } existing)
        {
            throw ViewErrors.Exists(ns, name, existing.Kind);
        }
    }

    private static ViewMetadata Apply(ViewMetadata? @base, IReadOnlyList<TableUpdate> updates, long nowMs)
    {
        try
        {
            return ViewMetadataUpdater.Apply(@base, updates, nowMs);
        }
        catch (InvalidCommitException ex)
        {
            throw IcebergErrors.BadRequestError(ex.Message);
        }
    }

    private async Task<ViewMetadata> ReadAsync(string location, CancellationToken ct) =>
        ViewMetadataJson.Parse(Encoding.UTF8.GetString(await io.ReadAllAsync(location, ct)));

    private async Task<string> WriteAsync(ViewMetadata metadata, int version, CancellationToken ct)
    {
        var file = ObjectLocations.MetadataFile(metadata.Location, version, Guid.NewGuid());
        if (!io.Owns(file))
        {
            throw IcebergErrors.BadRequestError($"Invalid view location '{metadata.Location}': it must lie under the warehouse root '{io.Root}'.");
        }
        await io.WriteAsync(file, Encoding.UTF8.GetBytes(ViewMetadataJson.ToJson(metadata)), ct);
        return file;
    }

    /// <summary>Removes a metadata file no pointer refers to; a failure only leaves an orphan file behind.</summary>
    private async Task DeleteQuietlyAsync(string file)
    {
        try
        {
            await io.DeleteAsync(file, CancellationToken.None);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogOrphan(file, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "View {View}: lost the metadata pointer swap on attempt {Attempt}; retrying")]
    private partial void LogCommitRetry(string view, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not delete the uncommitted view metadata file {File}")]
    private partial void LogOrphan(string file, Exception ex);
}
