using System.Text.Json;
using Iomete.Platform.Errors;
using Iomete.Platform.Security;

namespace Iomete.Functions.Sql.Worksheets;

/// <summary>A worksheet the caller may see, with its workspace and that workspace's folders.</summary>
public sealed record LoadedWorksheet(WorksheetStore.Row Row, WorkspaceScope Scope, FolderTree Tree)
{
    public WorksheetView View() => WorksheetViews.View(Row, Scope, Tree);
}

public static class WorksheetViews
{
    public static WorksheetView View(WorksheetStore.Row r, WorkspaceScope scope, FolderTree tree) => new(
        r.Id, r.Name, scope.Id, r.FolderId, tree.PathOf(r.FolderId, r.Name), r.Compute, r.Catalog, r.DatabaseName,
        r.Variables is null ? null : JsonDocument.Parse(r.Variables).RootElement.Clone(),
        r.OwnerId, r.Version, r.ContentSize,
        DateTimeOffset.FromUnixTimeMilliseconds(r.CreatedMs), DateTimeOffset.FromUnixTimeMilliseconds(r.UpdatedMs),
        r.DeletedMs is { } d ? DateTimeOffset.FromUnixTimeMilliseconds(d) : null);

    public static string ETag(long version) => $"\"{version}\"";
}

/// <summary>Finds worksheets for a caller: one in another user's My Workspace, or deleted by someone else, is a 404.</summary>
public sealed class WorksheetLoader(WorksheetStore worksheets, FolderStore folders, WorkspaceAccess access)
{
    public async Task<LoadedWorksheet> LoadAsync(Caller caller, string domain, string id, WorkspaceAction action, CancellationToken ct, bool deleted = false)
    {
        await access.RequireDomainAsync(caller, domain, ct);
        var row = await worksheets.FindAsync(domain, id, ct) ?? throw new NotFoundException("Worksheet", id);
        var visible = deleted
            ? row.DeletedMs is not null && (row.OwnerId == caller.UserId || row.DeletedBy == caller.UserId)
            : row.DeletedMs is null;
        var scope = visible ? await access.FromKeyAsync(caller, domain, row.Workspace, ct) : null;
        if (scope is null)
        {
            throw new NotFoundException("Worksheet", id);
        }
        await access.RequireAsync(caller, scope, action, ct);
        return new LoadedWorksheet(row, scope, await folders.TreeAsync(scope, ct));
    }
}
