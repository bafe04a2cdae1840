using System.Runtime.CompilerServices;
using System.Text.Json;
using Dapper;
using Iomete.Platform.Data;

namespace Iomete.Functions.Catalog.Annotations;

/// <summary>
/// Owners, documentation and column descriptions of tables, and (read-only here) their approved classification tags:
/// the <see cref="ITableAnnotationSource"/> the search index reads.
/// </summary>
public sealed class AnnotationStore(IMetadataDb db, TimeProvider clock) : ITableAnnotationSource
{
    private const string TableWhere = "catalog = @Catalog AND database_name = @Database AND table_name = @Table";

    public async Task<TableAnnotations?> GetAsync(TableKey table, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(table);
        await using var connection = await db.OpenAsync(CatalogRegistration.Service, ct);
        var args = Args(table);
        var head = await connection.QuerySingleOrDefaultAsync<HeadRow>(new CommandDefinition(
            $"SELECT description AS Description, owners AS Owners FROM catalog_table_annotations WHERE {TableWhere}", args, cancellationToken: ct));
        var columns = (await connection.QueryAsync<(string Column, string Description)>(new CommandDefinition(
            $"SELECT column_name, description FROM catalog_column_annotations WHERE {TableWhere}", args, cancellationToken: ct))).ToList();
        var tags = (await connection.QueryAsync<(string Column, string Tag)>(new CommandDefinition(
            $"""
             SELECT a.column_name, t.name FROM classification_assignments a JOIN classification_tags t ON t.id = a.tag_id
             WHERE a.catalog = @Catalog AND a.database_name = @Database AND a.table_name = @Table ORDER BY t.name
             """, args, cancellationToken: ct))).ToList();
        if (head is null && columns.Count == 0 && tags.Count == 0)
        {
            return null;
        }
        var columnNames = columns.Select(c => c.Column).Concat(tags.Where(t => t.Column.Length > 0).Select(t => t.Column)).Distinct(StringComparer.Ordinal);
        var columnMap = columnNames.ToDictionary(
            c => c,
            c => new ColumnAnnotations(
                columns.FirstOrDefault(x => x.Column == c).Description,
                tags.Where(t => t.Column == c).Select(t => t.Tag).ToList()),
            StringComparer.Ordinal);
        return new TableAnnotations(table, head?.Description, ParseOwners(head?.Owners),
            tags.Where(t => t.Column.Length == 0).Select(t => t.Tag).ToList(), columnMap);
    }

    public async IAsyncEnumerable<TableAnnotations> ListAllAsync([EnumeratorCancellation] CancellationToken ct)
    {
        List<(string Catalog, string DatabaseName, string TableName)> keys;
        await using (var connection = await db.OpenAsync(CatalogRegistration.Service, ct))
        {
            keys = (await connection.QueryAsync<(string, string, string)>(new CommandDefinition(
                """
                SELECT catalog, database_name, table_name FROM catalog_table_annotations
                UNION SELECT catalog, database_name, table_name FROM catalog_column_annotations
                UNION SELECT catalog, database_name, table_name FROM classification_assignments
                ORDER BY 1, 2, 3
                """, cancellationToken: ct))).ToList();
        }
        foreach (var (catalog, database, table) in keys)
        {
            if (await GetAsync(new TableKey(catalog, database, table), ct) is { } found)
            {
                yield return found;
            }
        }
    }

    public async Task SetOwnersAsync(TableKey table, IReadOnlyList<string> owners, string by, CancellationToken ct) =>
        await UpsertTableAsync(table, "owners", JsonSerializer.Serialize(owners), by, ct);

    public async Task SetDescriptionAsync(TableKey table, string? description, string by, CancellationToken ct) =>
        await UpsertTableAsync(table, "description", description, by, ct);

    /// <summary>Sets (or with null/empty removes) one column's description.</summary>
    public async Task SetColumnDescriptionAsync(TableKey table, string column, string? description, string by, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(CatalogRegistration.Service, ct);
        var args = new { table.Catalog, table.Database, table.Table, Column = column, Description = description, By = by, Now = Now() };
        await connection.ExecuteAsync(new CommandDefinition(string.IsNullOrEmpty(description)
            ? $"DELETE FROM catalog_column_annotations WHERE {TableWhere} AND column_name = @Column"
            : """
              INSERT INTO catalog_column_annotations (catalog, database_name, table_name, column_name, description, updated_by, updated_ms)
              VALUES (@Catalog, @Database, @Table, @Column, @Description, @By, @Now)
              ON CONFLICT (catalog, database_name, table_name, column_name) DO UPDATE SET description = excluded.description,
                updated_by = excluded.updated_by, updated_ms = excluded.updated_ms
              """, args, cancellationToken: ct));
    }

    private async Task UpsertTableAsync(TableKey table, string column, string? value, string by, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(CatalogRegistration.Service, ct);
        var args = new { table.Catalog, table.Database, table.Table, Value = value, By = by, Now = Now(), NoOwners = "[]" };
        var insertOwners = column == "owners" ? "@Value" : "@NoOwners";
        var insertDescription = column == "description" ? "@Value" : "NULL";
        await connection.ExecuteAsync(new CommandDefinition(
            $"""
             INSERT INTO catalog_table_annotations (catalog, database_name, table_name, description, owners, updated_by, updated_ms)
             VALUES (@Catalog, @Database, @Table, {insertDescription}, {insertOwners}, @By, @Now)
             ON CONFLICT (catalog, database_name, table_name) DO UPDATE SET {column} = excluded.{column},
               updated_by = excluded.updated_by, updated_ms = excluded.updated_ms
             """, args, cancellationToken: ct));
    }

    private long Now() => clock.GetUtcNow().ToUnixTimeMilliseconds();

    private static object Args(TableKey table) => new { table.Catalog, table.Database, table.Table };

    private sealed class HeadRow
    {
        public string? Description { get; init; }
        public string Owners { get; init; } = "[]";
    }

    private static List<string> ParseOwners(string? json) =>
        string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize<List<string>>(json) ?? [];
}
