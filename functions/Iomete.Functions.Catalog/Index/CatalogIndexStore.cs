using System.Data.Common;
using Dapper;
using Iomete.Functions.Catalog.Annotations;
using Iomete.Platform.Data;
using Iomete.Platform.Time;
using static Iomete.Functions.Catalog.Index.IndexRows;

namespace Iomete.Functions.Catalog.Index;

/// <summary>
/// The catalog index in the service database. Writes are idempotent: an unchanged table (same metadata file) only has its
/// sync time touched, an older metadata file than the stored one is ignored, and every real change takes a new change
/// sequence (<see cref="IndexState"/>) in the same transaction.
/// </summary>
public sealed partial class CatalogIndexStore(IMetadataDb db, IIdGenerator ids)
{
    private Task<DbConnection> OpenAsync(CancellationToken ct) => db.OpenAsync(CatalogRegistration.Service, ct);

    /// <summary>Stores tables as read from the lakehouse; returns how many changed the index.</summary>
    public async Task<int> UpsertTablesAsync(IReadOnlyList<TableSnapshot> tables, DateTimeOffset syncedAt, CancellationToken ct)
    {
        if (tables.Count == 0)
        {
            return 0;
        }
        await using var connection = await OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var sequence = new Sequence(connection, tx);
        var changed = 0;
        foreach (var table in tables)
        {
            if (await UpsertAsync(connection, tx, sequence, table, syncedAt.ToUnixTimeMilliseconds(), ct))
            {
                changed++;
            }
        }
        await tx.CommitAsync(ct);
        return changed;
    }

    private async Task<bool> UpsertAsync(DbConnection connection, DbTransaction tx, Sequence sequence, TableSnapshot t, long synced, CancellationToken ct)
    {
        var existing = await FindRowAsync(connection, tx, t.Catalog, t.Database, t.Name, ct);
        if (existing is { Deleted: false } && existing.MetadataLocation == t.MetadataLocation && existing.Type == t.Type)
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE catalog_index_tables SET synced_ms = @Synced WHERE id = @Id", new { Synced = synced, existing.Id }, tx, cancellationToken: ct));
            return false;
        }
        var modified = t.LastModified.ToUnixTimeMilliseconds();
        if (existing is { Deleted: false } && modified < existing.ModifiedMs)
        {
            return false;
        }
        var seq = await sequence.NextAsync(ct);
        var id = existing?.Id ?? ids.NewId();
        var created = existing is { Deleted: false, CreatedMs: { } kept } ? kept : (t.CreatedAt ?? t.LastModified).ToUnixTimeMilliseconds();
        var args = new
        {
            Id = id, t.Catalog, t.Database, t.Name, t.Type, Provider = IndexedTypes.Iceberg, t.Location, t.MetadataLocation, t.Owner,
            t.Description, t.RowCount, t.FileCount, t.SizeBytes, Created = created, Modified = modified, Synced = synced, Seq = seq,
        };
        await connection.ExecuteAsync(new CommandDefinition(existing is null
            ? """
              INSERT INTO catalog_index_tables (id, catalog, database_name, name, type, provider, location, metadata_location, owner, description,
                row_count, file_count, size_bytes, created_ms, modified_ms, synced_ms, deleted, deleted_ms, annotations, seq)
              VALUES (@Id, @Catalog, @Database, @Name, @Type, @Provider, @Location, @MetadataLocation, @Owner, @Description,
                @RowCount, @FileCount, @SizeBytes, @Created, @Modified, @Synced, FALSE, NULL, NULL, @Seq)
              """
            : """
              UPDATE catalog_index_tables SET type = @Type, provider = @Provider, location = @Location, metadata_location = @MetadataLocation,
                owner = @Owner, description = @Description, row_count = @RowCount, file_count = @FileCount, size_bytes = @SizeBytes,
                created_ms = @Created, modified_ms = @Modified, synced_ms = @Synced, deleted = FALSE, deleted_ms = NULL, seq = @Seq
              WHERE id = @Id
              """, args, tx, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM catalog_index_columns WHERE table_id = @Id", new { Id = id }, tx, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition(
            """
            INSERT INTO catalog_index_columns (table_id, position, name, data_type, description, partition_key)
            VALUES (@TableId, @Position, @Name, @DataType, @Description, @PartitionKey)
            """,
            t.Columns.Select(c => new { TableId = id, c.Position, c.Name, c.DataType, c.Description, c.PartitionKey }).ToList(), tx, cancellationToken: ct));
        return true;
    }

    /// <summary>Marks tables deleted (kept, with the time); false for those unknown or already deleted.</summary>
    public async Task<int> MarkTablesDeletedAsync(IReadOnlyList<TableKey> tables, DateTimeOffset at, CancellationToken ct)
    {
        if (tables.Count == 0)
        {
            return 0;
        }
        await using var connection = await OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var sequence = new Sequence(connection, tx);
        var changed = 0;
        foreach (var key in tables)
        {
            var existing = await FindRowAsync(connection, tx, key.Catalog, key.Database, key.Table, ct);
            if (existing is not { Deleted: false })
            {
                continue;
            }
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE catalog_index_tables SET deleted = TRUE, deleted_ms = @At, seq = @Seq WHERE id = @Id",
                new { At = at.ToUnixTimeMilliseconds(), Seq = await sequence.NextAsync(ct), existing.Id }, tx, cancellationToken: ct));
            changed++;
        }
        await tx.CommitAsync(ct);
        return changed;
    }

    /// <summary>
    /// Moves a renamed table's entry (keeping its id and annotations); false when the source is not indexed or the target
    /// is a live entry already. A deleted entry at the target is replaced.
    /// </summary>
    public async Task<bool> MoveTableAsync(TableKey from, TableKey to, CancellationToken ct)
    {
        await using var connection = await OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var source = await FindRowAsync(connection, tx, from.Catalog, from.Database, from.Table, ct);
        var target = await FindRowAsync(connection, tx, to.Catalog, to.Database, to.Table, ct);
        if (source is not { Deleted: false } || target is { Deleted: false })
        {
            return false;
        }
        if (target is not null)
        {
            await DeleteRowsAsync(connection, tx, [target.Id], ct);
        }
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE catalog_index_tables SET database_name = @Database, name = @Table, seq = @Seq WHERE id = @Id",
            new { to.Database, to.Table, Seq = await new Sequence(connection, tx).NextAsync(ct), source.Id }, tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
        return true;
    }

    /// <summary>Replaces the annotations of indexed tables; returns how many changed.</summary>
    public async Task<int> SetAnnotationsAsync(IReadOnlyList<(TableKey Table, TableAnnotations? Annotations)> items, CancellationToken ct)
    {
        if (items.Count == 0)
        {
            return 0;
        }
        await using var connection = await OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var sequence = new Sequence(connection, tx);
        var changed = 0;
        foreach (var (key, annotations) in items)
        {
            var existing = await FindRowAsync(connection, tx, key.Catalog, key.Database, key.Table, ct);
            var json = WriteAnnotations(annotations);
            if (existing is null || existing.Annotations == json)
            {
                continue;
            }
            await connection.ExecuteAsync(new CommandDefinition(
                "UPDATE catalog_index_tables SET annotations = @Json, seq = @Seq WHERE id = @Id",
                new { Json = json, Seq = await sequence.NextAsync(ct), existing.Id }, tx, cancellationToken: ct));
            changed++;
        }
        await tx.CommitAsync(ct);
        return changed;
    }

    private static Task<TableRow?> FindRowAsync(DbConnection connection, DbTransaction? tx, string catalog, string database, string name, CancellationToken ct) =>
        connection.QuerySingleOrDefaultAsync<TableRow>(new CommandDefinition(
            $"SELECT {TableColumns} FROM catalog_index_tables WHERE catalog = @Catalog AND database_name = @Database AND name = @Name",
            new { Catalog = catalog, Database = database, Name = name }, tx, cancellationToken: ct));

    private static async Task DeleteRowsAsync(DbConnection connection, DbTransaction tx, IReadOnlyList<string> tableIds, CancellationToken ct)
    {
        foreach (var chunk in tableIds.Chunk(500))
        {
            await connection.ExecuteAsync(new CommandDefinition(
                "DELETE FROM catalog_index_columns WHERE table_id IN @Ids", new { Ids = chunk }, tx, cancellationToken: ct));
            await connection.ExecuteAsync(new CommandDefinition(
                "DELETE FROM catalog_index_tables WHERE id IN @Ids", new { Ids = chunk }, tx, cancellationToken: ct));
        }
    }

    /// <summary>Hands out the transaction's change sequence (one per transaction, taken on the first change).</summary>
    private sealed class Sequence(DbConnection connection, DbTransaction tx)
    {
        private long? value;

        public async Task<long> NextAsync(CancellationToken ct)
        {
            if (value is { } v)
            {
                return v;
            }
            // The row lock on the state row is held until commit, so sequences become visible in commit order.
            await connection.ExecuteAsync(new CommandDefinition("UPDATE catalog_index_state SET seq = seq + 1 WHERE id = 1", transaction: tx, cancellationToken: ct));
            value = await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT seq FROM catalog_index_state WHERE id = 1", transaction: tx, cancellationToken: ct));
            return value.Value;
        }
    }
}
