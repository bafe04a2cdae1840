using System.Data.Common;
using Dapper;
using Iomete.Functions.Catalog.Annotations;
using static Iomete.Functions.Catalog.Index.IndexRows;

namespace Iomete.Functions.Catalog.Index;

public sealed partial class CatalogIndexStore
{
    public async Task<IndexState> ReadStateAsync(CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        return await ReadStateAsync(connection, ct);
    }

    private static async Task<IndexState> ReadStateAsync(DbConnection connection, CancellationToken ct)
    {
        var row = await connection.QuerySingleAsync<StateRow>(new CommandDefinition(
            "SELECT seq AS Seq, generation AS Generation, last_full_sync_ms AS LastFullSyncMs FROM catalog_index_state WHERE id = 1", cancellationToken: ct));
        return new IndexState(row.Seq, row.Generation, row.LastFullSyncMs == 0 ? null : At(row.LastFullSyncMs));
    }

    /// <summary>
    /// Everything changed after <paramref name="after"/> up to the state read first (so a row of a transaction still open is
    /// never skipped: it will carry a sequence above the returned state). -1 reads the whole index.
    /// </summary>
    public async Task<IndexChanges> ChangesSinceAsync(long after, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        var state = await ReadStateAsync(connection, ct);
        var args = new { After = after, UpTo = state.Sequence };
        var catalogs = await connection.QueryAsync<CatalogRow>(new CommandDefinition(
            $"SELECT {CatalogColumns} FROM catalog_index_catalogs WHERE seq > @After AND seq <= @UpTo", args, cancellationToken: ct));
        var databases = await connection.QueryAsync<DatabaseRow>(new CommandDefinition(
            $"SELECT {DatabaseColumns} FROM catalog_index_databases WHERE seq > @After AND seq <= @UpTo", args, cancellationToken: ct));
        var tables = (await connection.QueryAsync<TableRow>(new CommandDefinition(
            $"SELECT {TableColumns} FROM catalog_index_tables WHERE seq > @After AND seq <= @UpTo", args, cancellationToken: ct))).ToList();
        var columns = (tables.Count == 0 ? [] : await connection.QueryAsync<ColumnRow>(new CommandDefinition(
            $"SELECT {ColumnColumns} FROM catalog_index_columns WHERE table_id IN (SELECT id FROM catalog_index_tables WHERE seq > @After AND seq <= @UpTo)",
            args, cancellationToken: ct))).ToLookup(c => c.TableId);
        return new IndexChanges(
            state,
            catalogs.Select(c => c.ToRecord()).ToList(),
            databases.Select(d => d.ToRecord()).ToList(),
            tables.Select(t => t.ToRecord(columns[t.Id].OrderBy(c => c.Position).Select(c => c.ToRecord()).ToList())).ToList());
    }

    /// <summary>One indexed table (deleted ones too), or null.</summary>
    public async Task<IndexedTable?> FindTableAsync(TableKey key, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        var row = await FindRowAsync(connection, null, key.Catalog, key.Database, key.Table, ct);
        if (row is null)
        {
            return null;
        }
        var columns = await connection.QueryAsync<ColumnRow>(new CommandDefinition(
            $"SELECT {ColumnColumns} FROM catalog_index_columns WHERE table_id = @Id ORDER BY position", new { row.Id }, cancellationToken: ct));
        return row.ToRecord(columns.Select(c => c.ToRecord()).ToList());
    }

    /// <summary>The live (not deleted) tables and views of a catalog with their metadata files, for the full sync's reconcile.</summary>
    public async Task<IReadOnlyList<(TableKey Key, string? MetadataLocation)>> LiveTablesAsync(string catalog, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        var rows = await connection.QueryAsync<(string Database, string Name, string? MetadataLocation)>(new CommandDefinition(
            "SELECT database_name, name, metadata_location FROM catalog_index_tables WHERE catalog = @Catalog AND deleted = FALSE",
            new { Catalog = catalog }, cancellationToken: ct));
        return rows.Select(r => (new TableKey(catalog, r.Database, r.Name), r.MetadataLocation)).ToList();
    }

    public async Task<IReadOnlyList<string>> LiveDatabasesAsync(string catalog, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        return (await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT name FROM catalog_index_databases WHERE catalog = @Catalog AND deleted = FALSE", new { Catalog = catalog }, cancellationToken: ct))).ToList();
    }

    public async Task<IReadOnlyList<string>> LiveCatalogsAsync(CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        return (await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT name FROM catalog_index_catalogs WHERE deleted = FALSE", cancellationToken: ct))).ToList();
    }

    public async Task<bool> DatabaseKnownAsync(string catalog, string name, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM catalog_index_databases WHERE catalog = @Catalog AND name = @Name AND deleted = FALSE",
            new { Catalog = catalog, Name = name }, cancellationToken: ct)) > 0;
    }

    public async Task<bool> CatalogKnownAsync(string name, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM catalog_index_catalogs WHERE name = @Name AND deleted = FALSE", new { Name = name }, cancellationToken: ct)) > 0;
    }
}
