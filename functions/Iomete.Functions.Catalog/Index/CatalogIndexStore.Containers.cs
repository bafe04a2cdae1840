using Dapper;
using static Iomete.Functions.Catalog.Index.IndexRows;

namespace Iomete.Functions.Catalog.Index;

public sealed partial class CatalogIndexStore
{
    /// <summary>Stores a catalog; false when nothing changed (its sync time is touched).</summary>
    public async Task<bool> UpsertCatalogAsync(string name, string type, string? location, DateTimeOffset syncedAt, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var existing = await connection.QuerySingleOrDefaultAsync<CatalogRow>(new CommandDefinition(
            $"SELECT {CatalogColumns} FROM catalog_index_catalogs WHERE name = @Name", new { Name = name }, tx, cancellationToken: ct));
        var synced = syncedAt.ToUnixTimeMilliseconds();
        var same = existing is { Deleted: false } && existing.Type == type && existing.Location == location;
        var seq = same ? existing!.Seq : await new Sequence(connection, tx).NextAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO catalog_index_catalogs (name, type, location, synced_ms, deleted, deleted_ms, seq) VALUES (@Name, @Type, @Location, @Synced, FALSE, NULL, @Seq)
            ON CONFLICT (name) DO UPDATE SET type = @Type, location = @Location, synced_ms = @Synced, deleted = FALSE, deleted_ms = NULL, seq = @Seq
            """, new { Name = name, Type = type, Location = location, Synced = synced, Seq = seq }, tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
        return !same;
    }

    /// <summary>Stores a database (namespace); false when nothing changed (its sync time is touched).</summary>
    public async Task<bool> UpsertDatabaseAsync(
        string catalog, string name, string? description, string? location, string? owner, DateTimeOffset syncedAt, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var existing = await connection.QuerySingleOrDefaultAsync<DatabaseRow>(new CommandDefinition(
            $"SELECT {DatabaseColumns} FROM catalog_index_databases WHERE catalog = @Catalog AND name = @Name",
            new { Catalog = catalog, Name = name }, tx, cancellationToken: ct));
        var same = existing is { Deleted: false } && existing.Description == description && existing.Location == location && existing.Owner == owner;
        var seq = same ? existing!.Seq : await new Sequence(connection, tx).NextAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO catalog_index_databases (catalog, name, description, location, owner, synced_ms, deleted, deleted_ms, seq)
            VALUES (@Catalog, @Name, @Description, @Location, @Owner, @Synced, FALSE, NULL, @Seq)
            ON CONFLICT (catalog, name) DO UPDATE SET description = @Description, location = @Location, owner = @Owner, synced_ms = @Synced,
              deleted = FALSE, deleted_ms = NULL, seq = @Seq
            """,
            new { Catalog = catalog, Name = name, Description = description, Location = location, Owner = owner, Synced = syncedAt.ToUnixTimeMilliseconds(), Seq = seq },
            tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
        return !same;
    }

    /// <summary>Marks a database deleted (its tables are marked by their own drops or the sync).</summary>
    public async Task<bool> MarkDatabaseDeletedAsync(string catalog, string name, DateTimeOffset at, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var live = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM catalog_index_databases WHERE catalog = @Catalog AND name = @Name AND deleted = FALSE",
            new { Catalog = catalog, Name = name }, tx, cancellationToken: ct));
        if (live == 0)
        {
            return false;
        }
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE catalog_index_databases SET deleted = TRUE, deleted_ms = @At, seq = @Seq WHERE catalog = @Catalog AND name = @Name",
            new { Catalog = catalog, Name = name, At = at.ToUnixTimeMilliseconds(), Seq = await new Sequence(connection, tx).NextAsync(ct) }, tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
        return true;
    }

    /// <summary>Marks a catalog deleted when the lakehouse no longer has it.</summary>
    public async Task<bool> MarkCatalogDeletedAsync(string name, DateTimeOffset at, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var live = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT COUNT(*) FROM catalog_index_catalogs WHERE name = @Name AND deleted = FALSE", new { Name = name }, tx, cancellationToken: ct));
        if (live == 0)
        {
            return false;
        }
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE catalog_index_catalogs SET deleted = TRUE, deleted_ms = @At, seq = @Seq WHERE name = @Name",
            new { Name = name, At = at.ToUnixTimeMilliseconds(), Seq = await new Sequence(connection, tx).NextAsync(ct) }, tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
        return true;
    }

    /// <summary>Removes entries deleted before <paramref name="before"/>; when any went, the generation moves so replicas reload.</summary>
    public async Task<int> PurgeDeletedAsync(DateTimeOffset before, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var args = new { Before = before.ToUnixTimeMilliseconds() };
        var ids = (await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT id FROM catalog_index_tables WHERE deleted = TRUE AND deleted_ms < @Before", args, tx, cancellationToken: ct))).ToList();
        await DeleteRowsAsync(connection, tx, ids, ct);
        var removed = ids.Count;
        removed += await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM catalog_index_databases WHERE deleted = TRUE AND deleted_ms < @Before", args, tx, cancellationToken: ct));
        removed += await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM catalog_index_catalogs WHERE deleted = TRUE AND deleted_ms < @Before", args, tx, cancellationToken: ct));
        if (removed > 0)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE catalog_index_state SET seq = seq + 1, generation = generation + 1 WHERE id = 1", transaction: tx, cancellationToken: ct));
        }
        await tx.CommitAsync(ct);
        return removed;
    }

    /// <summary>Removes tables from the index at once (excluded by their owner); replicas reload.</summary>
    public async Task<int> RemoveTablesAsync(IReadOnlyList<Annotations.TableKey> tables, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var ids = new List<string>();
        foreach (var key in tables)
        {
            if (await FindRowAsync(connection, tx, key.Catalog, key.Database, key.Table, ct) is { } row)
            {
                ids.Add(row.Id);
            }
        }
        if (ids.Count > 0)
        {
            await DeleteRowsAsync(connection, tx, ids, ct);
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE catalog_index_state SET seq = seq + 1, generation = generation + 1 WHERE id = 1", transaction: tx, cancellationToken: ct));
        }
        await tx.CommitAsync(ct);
        return ids.Count;
    }

    public async Task SetLastFullSyncAsync(DateTimeOffset at, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE catalog_index_state SET last_full_sync_ms = @At WHERE id = 1", new { At = at.ToUnixTimeMilliseconds() }, cancellationToken: ct));
    }
}
