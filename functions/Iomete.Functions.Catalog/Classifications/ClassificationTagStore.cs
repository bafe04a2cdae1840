using Dapper;
using Iomete.Platform.Data;
using Iomete.Platform.Errors;
using Iomete.Platform.Http;
using Iomete.Platform.Time;

namespace Iomete.Functions.Catalog.Classifications;

/// <summary>Classification tags (names unique regardless of case) and where they are assigned.</summary>
public sealed class ClassificationTagStore(IMetadataDb db, IIdGenerator ids, TimeProvider clock)
{
    public static readonly IReadOnlyDictionary<string, string> Sortable = new Dictionary<string, string>
    {
        ["name"] = "t.name_key",
        ["createdAt"] = "t.created_ms",
        ["usageCount"] = "UsageCount",
    };

    private const string Select =
        """
        SELECT t.id AS Id, t.name AS Name, t.description AS Description, t.created_by AS CreatedBy, t.created_ms AS CreatedMs,
          t.updated_ms AS UpdatedMs, t.version AS Version,
          (SELECT COUNT(*) FROM classification_assignments a WHERE a.tag_id = t.id) AS UsageCount
        FROM classification_tags t
        """;

    public async Task<ClassificationTag> CreateAsync(string name, string? description, string by, CancellationToken ct)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var id = ids.NewId();
        try
        {
            await using var connection = await db.OpenAsync(CatalogRegistration.Service, ct);
            await connection.ExecuteAsync(new CommandDefinition(
                """
                INSERT INTO classification_tags (id, name, name_key, description, created_by, created_ms, updated_ms, version)
                VALUES (@Id, @Name, @Key, @Description, @By, @Now, @Now, 1)
                """, new { Id = id, Name = name, Key = name.ToLowerInvariant(), Description = description, By = by, Now = now }, cancellationToken: ct));
        }
        catch (Exception ex) when (db.IsUniqueViolation(ex))
        {
            throw new ConflictException($"A classification tag named '{name}' exists already.");
        }
        return (await GetAsync(id, ct))!;
    }

    public async Task<ClassificationTag?> GetAsync(string id, CancellationToken ct) => await OneAsync("t.id = @Value", id, ct);

    public async Task<ClassificationTag?> GetByNameAsync(string name, CancellationToken ct) => await OneAsync("t.name_key = @Value", name.ToLowerInvariant(), ct);

    public async Task<Page<ClassificationTag>> ListAsync(ListQuery query, CancellationToken ct)
    {
        var where = query.SearchPattern is null ? "" : "WHERE t.name_key LIKE @Pattern ESCAPE '\\' OR lower(coalesce(t.description, '')) LIKE @Pattern ESCAPE '\\'";
        await using var connection = await db.OpenAsync(CatalogRegistration.Service, ct);
        var args = new { Pattern = query.SearchPattern, query.Offset, query.Limit };
        var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition($"SELECT COUNT(*) FROM classification_tags t {where}", args, cancellationToken: ct));
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"{Select} {where} ORDER BY {query.OrderBy}, t.id LIMIT @Limit OFFSET @Offset", args, cancellationToken: ct));
        return new Page<ClassificationTag>(rows.Select(r => r.ToTag()).ToList(), total, query.Offset, query.Limit);
    }

    /// <summary>Changes the description (compare-and-swap on <paramref name="expectedVersion"/> when given); null when missing.</summary>
    public async Task<ClassificationTag?> UpdateAsync(string id, string? description, long? expectedVersion, CancellationToken ct)
    {
        var current = await GetAsync(id, ct);
        if (current is null)
        {
            return null;
        }
        var version = expectedVersion ?? current.Version;
        await using var connection = await db.OpenAsync(CatalogRegistration.Service, ct);
        var changed = await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE classification_tags SET description = @Description, updated_ms = @Now, version = version + 1 WHERE id = @Id AND version = @Version",
            new { Id = id, Description = description, Now = clock.GetUtcNow().ToUnixTimeMilliseconds(), Version = version }, cancellationToken: ct));
        if (changed == 0)
        {
            throw new ConflictException($"Classification tag '{current.Name}' was changed meanwhile (version {version} is not current): reload and retry.");
        }
        return await GetAsync(id, ct);
    }

    /// <summary>Deletes an unused tag; 409 while it is assigned or a request for it is in review.</summary>
    public async Task<bool> DeleteAsync(string id, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(CatalogRegistration.Service, ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var busy = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            SELECT (SELECT COUNT(*) FROM classification_assignments WHERE tag_id = @Id)
                 + (SELECT COUNT(*) FROM classification_requests WHERE tag_id = @Id AND status = 'IN_REVIEW')
            """, new { Id = id }, tx, cancellationToken: ct));
        if (busy > 0)
        {
            throw new ConflictException("The tag is assigned or has requests in review: remove it from its tables and columns (REMOVE requests) first.");
        }
        var deleted = await connection.ExecuteAsync(new CommandDefinition("DELETE FROM classification_tags WHERE id = @Id", new { Id = id }, tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
        return deleted > 0;
    }

    public async Task<IReadOnlyList<ClassificationAsset>> AssetsAsync(string tagId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(CatalogRegistration.Service, ct);
        var rows = await connection.QueryAsync<AssetRow>(new CommandDefinition(
            """
            SELECT catalog AS Catalog, database_name AS DatabaseName, table_name AS TableName, column_name AS ColumnName, request_id AS RequestId,
              assigned_by AS AssignedBy, assigned_ms AS AssignedMs
            FROM classification_assignments WHERE tag_id = @Id ORDER BY catalog, database_name, table_name, column_name
            """, new { Id = tagId }, cancellationToken: ct));
        return rows.Select(r => new ClassificationAsset(r.Catalog, r.DatabaseName, r.TableName, r.ColumnName.Length == 0 ? null : r.ColumnName,
            r.RequestId, r.AssignedBy, DateTimeOffset.FromUnixTimeMilliseconds(r.AssignedMs))).ToList();
    }

    /// <summary>True when the tag is on the table (<paramref name="column"/> null) or column.</summary>
    public async Task<bool> IsAssignedAsync(string tagId, Annotations.TableKey table, string? column, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(CatalogRegistration.Service, ct);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            """
            SELECT COUNT(*) FROM classification_assignments WHERE tag_id = @TagId AND catalog = @Catalog AND database_name = @Database
              AND table_name = @Table AND column_name = @Column
            """, new { TagId = tagId, table.Catalog, table.Database, table.Table, Column = column ?? "" }, cancellationToken: ct)) > 0;
    }

    private async Task<ClassificationTag?> OneAsync(string where, string value, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(CatalogRegistration.Service, ct);
        var row = await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition($"{Select} WHERE {where}", new { Value = value }, cancellationToken: ct));
        return row?.ToTag();
    }

    private sealed class Row
    {
        public string Id { get; init; } = "";
        public string Name { get; init; } = "";
        public string? Description { get; init; }
        public string CreatedBy { get; init; } = "";
        public long CreatedMs { get; init; }
        public long UpdatedMs { get; init; }
        public long Version { get; init; }
        public long UsageCount { get; init; }

        public ClassificationTag ToTag() => new(Id, Name, Description, UsageCount, CreatedBy, DateTimeOffset.FromUnixTimeMilliseconds(CreatedMs),
            DateTimeOffset.FromUnixTimeMilliseconds(UpdatedMs), Version);
    }

    private sealed class AssetRow
    {
        public string Catalog { get; init; } = "";
        public string DatabaseName { get; init; } = "";
        public string TableName { get; init; } = "";
        public string ColumnName { get; init; } = "";
        public string? RequestId { get; init; }
        public string? AssignedBy { get; init; }
        public long AssignedMs { get; init; }
    }
}
