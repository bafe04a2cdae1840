using System.Text.Json;
using Dapper;
using Iomete.Platform.Data;
using Iomete.Platform.Http;

namespace Iomete.Functions.Sql.Worksheets;

/// <summary>Worksheet metadata. Every save bumps <c>version</c> with a compare-and-swap; deletes are soft (<c>deleted_ms</c>).</summary>
public sealed class WorksheetStore(IMetadataDb db, TimeProvider clock)
{
    public static readonly IReadOnlyDictionary<string, string> Sortable = new Dictionary<string, string>
    {
        ["name"] = "name",
        ["createdAt"] = "created_ms",
        ["updatedAt"] = "updated_ms",
    };

    private const string Columns =
        "id AS Id, domain AS Domain, workspace AS Workspace, folder_id AS FolderId, name AS Name, compute AS Compute, catalog AS Catalog, " +
        "database_name AS DatabaseName, variables AS Variables, content_sha256 AS ContentSha256, content_size AS ContentSize, owner_id AS OwnerId, " +
        "version AS Version, created_ms AS CreatedMs, updated_ms AS UpdatedMs, deleted_ms AS DeletedMs, deleted_by AS DeletedBy";

    public async Task<Row?> FindAsync(string domain, string id, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(SqlRegistration.Service, ct);
        return await connection.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM sql_worksheets WHERE domain = @Domain AND id = @Id", new { Domain = domain, Id = id }, cancellationToken: ct));
    }

    /// <summary>Live worksheets of a workspace (optionally one folder; <c>root</c> for the top level), or the caller's deleted ones.</summary>
    public async Task<(IReadOnlyList<Row> Rows, long Total)> ListAsync(
        string domain, string? workspaceKey, string? folderId, string? deletedBy, ListQuery query, CancellationToken ct)
    {
        var where = "domain = @Domain";
        where += deletedBy is null ? " AND deleted_ms IS NULL" : " AND deleted_ms IS NOT NULL AND (owner_id = @DeletedBy OR deleted_by = @DeletedBy)";
        if (workspaceKey is not null)
        {
            where += " AND workspace = @Workspace";
        }
        if (folderId == "root")
        {
            where += " AND folder_id IS NULL";
        }
        else if (folderId is not null)
        {
            where += " AND folder_id = @FolderId";
        }
        if (query.SearchPattern is not null)
        {
            where += " AND LOWER(name) LIKE @Pattern ESCAPE '\\'";
        }
        var args = new { Domain = domain, Workspace = workspaceKey, FolderId = folderId, DeletedBy = deletedBy, Pattern = query.SearchPattern, query.Limit, query.Offset };
        await using var connection = await db.OpenAsync(SqlRegistration.Service, ct);
        var total = await connection.ExecuteScalarAsync<long>(new CommandDefinition($"SELECT COUNT(*) FROM sql_worksheets WHERE {where}", args, cancellationToken: ct));
        var rows = await connection.QueryAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM sql_worksheets WHERE {where} ORDER BY {query.OrderBy}, id LIMIT @Limit OFFSET @Offset", args, cancellationToken: ct));
        return (rows.ToList(), total);
    }

    public async Task<Row> InsertAsync(Row row, CancellationToken ct)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        row.Version = 1;
        row.CreatedMs = now;
        row.UpdatedMs = now;
        await using var connection = await db.OpenAsync(SqlRegistration.Service, ct);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO sql_worksheets (id, domain, workspace, folder_id, name, compute, catalog, database_name, variables, content_sha256, content_size, " +
            "owner_id, version, created_ms, updated_ms) VALUES (@Id, @Domain, @Workspace, @FolderId, @Name, @Compute, @Catalog, @DatabaseName, @Variables, " +
            "@ContentSha256, @ContentSize, @OwnerId, @Version, @CreatedMs, @UpdatedMs)", row, cancellationToken: ct));
        return row;
    }

    /// <summary>Applies a save when the stored version is still <paramref name="expectedVersion"/>; false when it moved on.</summary>
    public async Task<bool> TrySaveAsync(Row changed, long expectedVersion, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(SqlRegistration.Service, ct);
        var updated = await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE sql_worksheets SET compute = @Compute, catalog = @Catalog, database_name = @DatabaseName, variables = @Variables, " +
            "content_sha256 = @ContentSha256, content_size = @ContentSize, version = version + 1, updated_ms = @Now " +
            "WHERE id = @Id AND version = @Expected AND deleted_ms IS NULL",
            new { changed.Id, changed.Compute, changed.Catalog, changed.DatabaseName, changed.Variables, changed.ContentSha256, changed.ContentSize,
                Now = clock.GetUtcNow().ToUnixTimeMilliseconds(), Expected = expectedVersion }, cancellationToken: ct));
        return updated == 1;
    }

    public Task RenameAsync(string id, string name, CancellationToken ct) =>
        UpdateAsync("name = @Name", new { Id = id, Name = name }, ct);

    public Task MoveAsync(string id, string workspaceKey, string? folderId, CancellationToken ct) =>
        UpdateAsync("workspace = @Workspace, folder_id = @FolderId", new { Id = id, Workspace = workspaceKey, FolderId = folderId }, ct);

    public Task SoftDeleteAsync(string id, string deletedBy, CancellationToken ct) =>
        UpdateAsync("deleted_ms = @Now, deleted_by = @DeletedBy", new { Id = id, DeletedBy = deletedBy }, ct);

    public Task RestoreAsync(string id, string? folderId, CancellationToken ct) =>
        UpdateAsync("deleted_ms = NULL, deleted_by = NULL, folder_id = @FolderId", new { Id = id, FolderId = folderId }, ct);

    private async Task UpdateAsync(string set, object args, CancellationToken ct)
    {
        var parameters = new DynamicParameters(args);
        parameters.Add("Now", clock.GetUtcNow().ToUnixTimeMilliseconds());
        await using var connection = await db.OpenAsync(SqlRegistration.Service, ct);
        await connection.ExecuteAsync(new CommandDefinition(
            $"UPDATE sql_worksheets SET {set}, version = version + 1, updated_ms = @Now WHERE id = @Id", parameters, cancellationToken: ct));
    }

    public static string? VariablesText(JsonElement? variables) =>
        variables is { ValueKind: not JsonValueKind.Null and not JsonValueKind.Undefined } v ? v.GetRawText() : null;

    public sealed class Row
    {
        public string Id { get; set; } = "";
        public string Domain { get; set; } = "";
        public string Workspace { get; set; } = "";
        public string? FolderId { get; set; }
        public string Name { get; set; } = "";
        public string? Compute { get; set; }
        public string? Catalog { get; set; }
        public string? DatabaseName { get; set; }
        public string? Variables { get; set; }
        public string ContentSha256 { get; set; } = "";
        public long ContentSize { get; set; }
        public string OwnerId { get; set; } = "";
        public long Version { get; set; }
        public long CreatedMs { get; set; }
        public long UpdatedMs { get; set; }
        public long? DeletedMs { get; set; }
        public string? DeletedBy { get; set; }
    }
}
