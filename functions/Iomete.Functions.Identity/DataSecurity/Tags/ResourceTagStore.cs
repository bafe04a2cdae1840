using System.Collections.Concurrent;
using System.Text.Json;
using Dapper;
using Iomete.Functions.Identity.DataSecurity.Storage;
using Iomete.Functions.Identity.Storage;

namespace Iomete.Functions.Identity.DataSecurity.Tags;

/// <summary>Tag assignments per table and column; every change bumps the policy-set version, which also keys the read cache.</summary>
public sealed class ResourceTagStore(IdentityDb db, PolicySetVersion setVersion, TimeProvider clock) : IResourceTagSource
{
    private const int MaxCached = 10_000;
    private const string Columns =
        "catalog AS Catalog, database_name AS DatabaseName, table_name AS TableName, column_name AS ColumnName, tags AS Tags, updated_by AS UpdatedBy, updated_at_ms AS UpdatedAtMs";

    private readonly ConcurrentDictionary<(string, string, string), IReadOnlyList<ResourceTagAssignment>> cache = new();
    private long cachedVersion = -1;

    public async ValueTask<IReadOnlyList<ResourceTagAssignment>> TagsForTableAsync(string catalog, string database, string table, CancellationToken ct)
    {
        var key = (Norm(catalog) ?? "", Norm(database) ?? "", Norm(table) ?? "");
        var version = await setVersion.CurrentAsync(ct);
        if (Interlocked.Exchange(ref cachedVersion, version) != version || cache.Count >= MaxCached)
        {
            cache.Clear();
        }
        if (cache.TryGetValue(key, out var hit))
        {
            return hit;
        }
        var found = await ListAsync(new ResourceTagFilter(key.Item1, key.Item2, key.Item3, null), ct);
        cache[key] = found;
        return found;
    }

    public async Task<IReadOnlyList<ResourceTagAssignment>> ListAsync(ResourceTagFilter filter, CancellationToken ct)
    {
        var where = new List<string>();
        if (filter.Catalog is not null)
        {
            where.Add("catalog = @Catalog");
        }
        if (filter.Database is not null)
        {
            where.Add("database_name = @Database");
        }
        if (filter.Table is not null)
        {
            where.Add("table_name = @Table");
        }
        var sql = $"SELECT {Columns} FROM data_resource_tags {(where.Count > 0 ? "WHERE " + string.Join(" AND ", where) : "")} " +
                  "ORDER BY catalog, database_name, table_name, column_name";
        await using var connection = await db.OpenAsync(ct);
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(sql,
            new { Catalog = Norm(filter.Catalog), Database = Norm(filter.Database), Table = Norm(filter.Table) }, cancellationToken: ct));
        var list = rows.Select(r => r.ToAssignment());
        if (filter.Tag is { } tag)
        {
            list = list.Where(a => a.Tags.Contains(tag, StringComparer.OrdinalIgnoreCase));
        }
        return list.ToList();
    }

    /// <summary>Replaces the tags of one table or column; an empty list removes the assignment.</summary>
    public async Task<ResourceTagAssignment?> SetAsync(string catalog, string database, string table, string? column, IReadOnlyList<string> tags,
        string? by, CancellationToken ct)
    {
        var args = new
        {
            Catalog = Norm(catalog), Database = Norm(database), Table = Norm(table), Column = Norm(column) ?? "",
            Tags = JsonSerializer.Serialize(tags), By = by, Now = IdentityDb.Ms(clock.GetUtcNow()),
        };
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(tags.Count == 0
            ? "DELETE FROM data_resource_tags WHERE catalog = @Catalog AND database_name = @Database AND table_name = @Table AND column_name = @Column"
            : """
              INSERT INTO data_resource_tags (catalog, database_name, table_name, column_name, tags, updated_by, updated_at_ms)
              VALUES (@Catalog, @Database, @Table, @Column, @Tags, @By, @Now)
              ON CONFLICT (catalog, database_name, table_name, column_name) DO UPDATE SET tags = excluded.tags,
                updated_by = excluded.updated_by, updated_at_ms = excluded.updated_at_ms
              """, args, tx, cancellationToken: ct));
        await PolicySetVersion.BumpAsync(connection, tx, ct);
        await tx.CommitAsync(ct);
        setVersion.Changed();
        return tags.Count == 0
            ? null
            : new ResourceTagAssignment(args.Catalog!, args.Database!, args.Table!, args.Column.Length == 0 ? null : args.Column, tags, by,
                IdentityDb.At(args.Now));
    }

    /// <summary>
    /// Adds and removes single tags of one table or column, keeping its other tags (the catalog's approved classifications);
    /// an assignment left without tags is removed. Returns the tags after the change.
    /// </summary>
    public async Task<IReadOnlyList<string>> ChangeAsync(string catalog, string database, string table, string? column,
        IReadOnlyList<string> add, IReadOnlyList<string> remove, string? by, CancellationToken ct)
    {
        var key = new { Catalog = Norm(catalog), Database = Norm(database), Table = Norm(table), Column = Norm(column) ?? "" };
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var stored = await connection.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
            "SELECT tags FROM data_resource_tags WHERE catalog = @Catalog AND database_name = @Database AND table_name = @Table AND column_name = @Column",
            key, tx, cancellationToken: ct));
        var before = stored is null ? [] : JsonSerializer.Deserialize<List<string>>(stored) ?? [];
        var after = before.Where(t => !remove.Contains(t, StringComparer.OrdinalIgnoreCase)).ToList();
        after.AddRange(add.Where(t => !after.Contains(t, StringComparer.OrdinalIgnoreCase)));
        if (after.SequenceEqual(before, StringComparer.Ordinal))
        {
            return after;
        }
        var args = new { key.Catalog, key.Database, key.Table, key.Column, Tags = JsonSerializer.Serialize(after), By = by, Now = IdentityDb.Ms(clock.GetUtcNow()) };
        await connection.ExecuteAsync(new CommandDefinition(after.Count == 0
            ? "DELETE FROM data_resource_tags WHERE catalog = @Catalog AND database_name = @Database AND table_name = @Table AND column_name = @Column"
            : """
              INSERT INTO data_resource_tags (catalog, database_name, table_name, column_name, tags, updated_by, updated_at_ms)
              VALUES (@Catalog, @Database, @Table, @Column, @Tags, @By, @Now)
              ON CONFLICT (catalog, database_name, table_name, column_name) DO UPDATE SET tags = excluded.tags,
                updated_by = excluded.updated_by, updated_at_ms = excluded.updated_at_ms
              """, args, tx, cancellationToken: ct));
        await PolicySetVersion.BumpAsync(connection, tx, ct);
        await tx.CommitAsync(ct);
        setVersion.Changed();
        return after;
    }

    /// <summary>Removes one assignment; false when there was none.</summary>
    public async Task<bool> DeleteAsync(string catalog, string database, string table, string? column, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var deleted = await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM data_resource_tags WHERE catalog = @Catalog AND database_name = @Database AND table_name = @Table AND column_name = @Column",
            new { Catalog = Norm(catalog), Database = Norm(database), Table = Norm(table), Column = Norm(column) ?? "" }, tx, cancellationToken: ct));
        if (deleted == 0)
        {
            return false;
        }
        await PolicySetVersion.BumpAsync(connection, tx, ct);
        await tx.CommitAsync(ct);
        setVersion.Changed();
        return true;
    }

    /// <summary>Spark identifiers are case-insensitive: names are kept in lower case.</summary>
    private static string? Norm(string? name) => string.IsNullOrWhiteSpace(name) ? null : name.Trim().ToLowerInvariant();

    private sealed class Row
    {
        public string Catalog { get; init; } = "";
        public string DatabaseName { get; init; } = "";
        public string TableName { get; init; } = "";
        public string ColumnName { get; init; } = "";
        public string Tags { get; init; } = "[]";
        public string? UpdatedBy { get; init; }
        public long UpdatedAtMs { get; init; }

        public ResourceTagAssignment ToAssignment() => new(Catalog, DatabaseName, TableName, ColumnName.Length == 0 ? null : ColumnName,
            JsonSerializer.Deserialize<List<string>>(Tags) ?? [], UpdatedBy, IdentityDb.At(UpdatedAtMs));
    }
}

public sealed record ResourceTagFilter(string? Catalog, string? Database, string? Table, string? Tag);
