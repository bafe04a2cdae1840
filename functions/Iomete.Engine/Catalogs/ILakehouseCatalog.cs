using Iomete.Iceberg.Commits;
using Iomete.Iceberg.Partitioning;
using Iomete.Iceberg.Schemas;
using Iomete.Iceberg.Sorting;
using Iomete.Iceberg.Views;

namespace Iomete.Engine.Catalogs;

/// <summary>
/// The lakehouse catalog as the engine sees it: Iceberg catalogs, their databases (single-level namespaces), tables and
/// views, with the Iceberg REST catalog's semantics (the platform's REST catalog is the implementation; it authorizes the
/// caller whose credentials the client carries). Names are case-sensitive as stored.
/// </summary>
/// <remarks>
/// Errors: <see cref="CatalogNotFoundException"/> (a catalog, database, table or view is missing),
/// <see cref="CatalogAlreadyExistsException"/>, <see cref="CatalogCommitConflictException"/> (a requirement failed: reload
/// and retry), <see cref="CatalogForbiddenException"/>, <see cref="CatalogRequestException"/> (the catalog refused the
/// request as invalid), <see cref="CatalogUnavailableException"/> (5xx or transport failure).
/// </remarks>
public interface ILakehouseCatalog
{
    /// <summary>Names of the catalogs the caller can see.</summary>
    Task<IReadOnlyList<string>> ListCatalogsAsync(CancellationToken ct);

    Task<IReadOnlyList<string>> ListDatabasesAsync(string catalog, CancellationToken ct);

    Task<bool> DatabaseExistsAsync(string catalog, string database, CancellationToken ct);

    Task<IReadOnlyDictionary<string, string>> LoadDatabasePropertiesAsync(string catalog, string database, CancellationToken ct);

    Task CreateDatabaseAsync(string catalog, string database, IReadOnlyDictionary<string, string> properties, CancellationToken ct);

    /// <summary>Drops an empty database (the catalog refuses a non-empty one with <see cref="CatalogRequestException"/>).</summary>
    Task DropDatabaseAsync(string catalog, string database, CancellationToken ct);

    Task<IReadOnlyList<string>> ListTablesAsync(string catalog, string database, CancellationToken ct);

    Task<IReadOnlyList<string>> ListViewsAsync(string catalog, string database, CancellationToken ct);

    /// <summary>The table's current metadata, or null when no table has that name. Cheap when unchanged (ETag revalidation).</summary>
    Task<CatalogTable?> LoadTableAsync(TableIdent table, CancellationToken ct);

    /// <summary>Creates a table; with <paramref name="stage"/> true nothing is visible until <see cref="CommitAsync"/> with <c>assert-create</c>.</summary>
    Task<CatalogTable> CreateTableAsync(TableIdent table, NewTable definition, bool stage, CancellationToken ct);

    /// <summary>Applies updates when every requirement holds (one Iceberg commit); returns the new metadata.</summary>
    Task<CatalogTable> CommitAsync(TableIdent table, IReadOnlyList<TableRequirement> requirements, IReadOnlyList<TableUpdate> updates, CancellationToken ct);

    Task DropTableAsync(TableIdent table, bool purge, CancellationToken ct);

    /// <summary>The caller's privileges on a table (<c>SELECT</c>, <c>INSERT</c>, …), or null when no table has that name.</summary>
    Task<IReadOnlySet<string>?> LoadTablePrivilegesAsync(TableIdent table, CancellationToken ct);

    Task RenameTableAsync(TableIdent from, TableIdent to, CancellationToken ct);

    /// <summary>The view's metadata, or null when no view has that name.</summary>
    Task<CatalogView?> LoadViewAsync(TableIdent view, CancellationToken ct);

    /// <summary>Creates a view, or replaces its current version when <paramref name="replace"/> is true and it exists.</summary>
    Task<CatalogView> CreateViewAsync(TableIdent view, NewView definition, bool replace, CancellationToken ct);

    Task DropViewAsync(TableIdent view, CancellationToken ct);
}

/// <summary>A table as loaded: its metadata and the location of the metadata file (which changes with every commit; empty for a staged table).</summary>
public sealed record CatalogTable(TableIdent Ident, string MetadataLocation, Iceberg.Metadata.TableMetadata Metadata)
{
    /// <summary>What the catalog says the caller may see (row filter, masks, denied columns); null = the whole table.</summary>
    public DataSecurity.Decisions.DataPolicyConfig? DataPolicy { get; init; }
}

public sealed record CatalogView(TableIdent Ident, string MetadataLocation, ViewMetadata Metadata);

/// <summary>What a new table needs: ids in these objects are fresh-assigned by the catalog.</summary>
public sealed record NewTable(
    Schema Schema,
    PartitionSpec? PartitionSpec,
    SortOrder? SortOrder,
    IReadOnlyDictionary<string, string> Properties,
    string? Location = null);

/// <summary>A new view version: the SQL text (dialect <c>duckdb</c> for views created by the engine), its schema and defaults.</summary>
public sealed record NewView(
    string Sql,
    string Dialect,
    Schema Schema,
    string? DefaultCatalog,
    string? DefaultDatabase,
    IReadOnlyDictionary<string, string> Properties);
