using Dapper;
using Iomete.Platform.Data;
using Iomete.Platform.Errors;
using Iomete.Platform.Time;

namespace Iomete.Functions.Sql.Worksheets;

/// <summary>Folders nest inside one workspace; a folder is deleted only when it holds no folders and no live worksheets.</summary>
public sealed class FolderStore(IMetadataDb db, TimeProvider clock, IIdGenerator ids)
{
    private const string Columns = "id AS Id, workspace AS Workspace, parent_id AS ParentId, name AS Name, created_ms AS CreatedMs";

    public async Task<IReadOnlyList<Row>> ListAsync(string domain, string workspaceKey, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(SqlRegistration.Service, ct);
        return (await connection.QueryAsync<Row>(new CommandDefinition(
            $"SELECT {Columns} FROM sql_folders WHERE domain = @Domain AND workspace = @Workspace ORDER BY name, id",
            new { Domain = domain, Workspace = workspaceKey }, cancellationToken: ct))).ToList();
    }

    /// <summary>The folders of a workspace by id, for building paths.</summary>
    public async Task<FolderTree> TreeAsync(WorkspaceScope scope, CancellationToken ct) =>
        new(scope, await ListAsync(scope.Domain, scope.Key, ct));

    public async Task<Row> CreateAsync(WorkspaceScope scope, string? parentId, string name, string createdBy, CancellationToken ct)
    {
        var row = new Row { Id = ids.NewId(), Workspace = scope.Key, ParentId = parentId, Name = name, CreatedMs = clock.GetUtcNow().ToUnixTimeMilliseconds() };
        await using var connection = await db.OpenAsync(SqlRegistration.Service, ct);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO sql_folders (id, domain, workspace, parent_id, name, created_by, created_ms) VALUES (@Id, @Domain, @Workspace, @ParentId, @Name, @CreatedBy, @CreatedMs)",
            new { row.Id, scope.Domain, row.Workspace, row.ParentId, row.Name, CreatedBy = createdBy, row.CreatedMs }, cancellationToken: ct));
        return row;
    }

    public async Task DeleteEmptyAsync(WorkspaceScope scope, string folderId, CancellationToken ct)
    {
        await using var connection = await db.OpenAsync(SqlRegistration.Service, ct);
        var args = new { scope.Domain, Workspace = scope.Key, Id = folderId };
        var busy = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT (SELECT COUNT(*) FROM sql_folders WHERE parent_id = @Id) + " +
            "(SELECT COUNT(*) FROM sql_worksheets WHERE folder_id = @Id AND deleted_ms IS NULL)", args, cancellationToken: ct));
        if (busy > 0)
        {
            throw new ConflictException($"Folder '{folderId}' is not empty.");
        }
        var deleted = await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM sql_folders WHERE domain = @Domain AND workspace = @Workspace AND id = @Id", args, cancellationToken: ct));
        if (deleted == 0)
        {
            throw new NotFoundException("Folder", folderId);
        }
    }

    public sealed class Row
    {
        public string Id { get; set; } = "";
        public string Workspace { get; set; } = "";
        public string? ParentId { get; set; }
        public string Name { get; set; } = "";
        public long CreatedMs { get; set; }
    }
}

/// <summary>The folders of one workspace, for paths and for checking that a folder belongs to it.</summary>
public sealed class FolderTree(WorkspaceScope scope, IReadOnlyList<FolderStore.Row> folders)
{
    private readonly Dictionary<string, FolderStore.Row> _byId = folders.ToDictionary(f => f.Id);

    public IReadOnlyList<FolderStore.Row> Folders => folders;

    public bool Contains(string? folderId) => folderId is null || _byId.ContainsKey(folderId);

    public string RequireFolder(string folderId) =>
        _byId.ContainsKey(folderId) ? folderId : throw new NotFoundException("Folder", folderId);

    /// <summary>"Workspace/folder/sub" for a folder (or the workspace root for null), then <paramref name="leaf"/> when given.</summary>
    public string PathOf(string? folderId, string? leaf = null)
    {
        var parts = new List<string>();
        if (leaf is not null)
        {
            parts.Add(leaf);
        }
        var seen = new HashSet<string>();
        while (folderId is not null && _byId.TryGetValue(folderId, out var folder) && seen.Add(folderId))
        {
            parts.Add(folder.Name);
            folderId = folder.ParentId;
        }
        parts.Add(scope.Name);
        parts.Reverse();
        return string.Join('/', parts);
    }

    public FolderView View(FolderStore.Row r) =>
        new(r.Id, scope.Id, r.ParentId, r.Name, PathOf(r.Id), DateTimeOffset.FromUnixTimeMilliseconds(r.CreatedMs));
}
