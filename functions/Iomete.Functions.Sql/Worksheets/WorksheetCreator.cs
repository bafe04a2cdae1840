using System.Text;
using Iomete.Platform.Security;
using Iomete.Platform.Time;

namespace Iomete.Functions.Sql.Worksheets;

/// <summary>Creates worksheets (create, import, duplicate): the content goes to object storage before the row exists.</summary>
public sealed class WorksheetCreator(WorksheetStore worksheets, FolderStore folders, WorksheetContent content, WorkspaceAccess access, IIdGenerator ids)
{
    public sealed record Spec(string Name, string? FolderId, string Content, string? Compute, string? Catalog, string? Database, string? Variables);

    public async Task<LoadedWorksheet> CreateAsync(Caller caller, WorkspaceScope scope, Spec spec, CancellationToken ct)
    {
        await access.RequireAsync(caller, scope, WorkspaceAction.Put, ct);
        var tree = await folders.TreeAsync(scope, ct);
        var folderId = spec.FolderId is null ? null : tree.RequireFolder(spec.FolderId);
        var id = ids.NewId();
        await content.WriteAsync(id, spec.Content, ct);
        var row = await worksheets.InsertAsync(new WorksheetStore.Row
        {
            Id = id, Domain = scope.Domain, Workspace = scope.Key, FolderId = folderId, Name = spec.Name,
            Compute = spec.Compute, Catalog = spec.Catalog, DatabaseName = spec.Database, Variables = spec.Variables,
            ContentSha256 = WorksheetContent.Sha256(spec.Content), ContentSize = Encoding.UTF8.GetByteCount(spec.Content), OwnerId = caller.UserId,
        }, ct);
        return new LoadedWorksheet(row, scope, tree);
    }
}
