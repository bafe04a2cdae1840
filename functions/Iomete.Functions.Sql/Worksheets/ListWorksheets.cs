using Iomete.Platform.Errors;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Sql.Worksheets;

public sealed class ListWorksheets(ICallerAccessor callers, WorkspaceAccess access, WorksheetStore worksheets, FolderStore folders)
{
    [Function("sql-worksheets-list")]
    [OpenApiOperation("SQL worksheets", "List worksheets",
        Description = "The worksheets of one workspace (workspaceId), optionally of one folder (folderId, 'root' for the top level); " +
                      "with deleted=true the caller's deleted worksheets (restorable), in every workspace.")]
    [OpenApiPaged]
    [OpenApiQuery("workspaceId", "my, shared or a custom workspace's id (required unless deleted=true)")]
    [OpenApiQuery("folderId", "Only this folder; 'root' for worksheets outside folders")]
    [OpenApiQuery("deleted", "true: the caller's deleted worksheets")]
    [OpenApiResponse(200, typeof(Page<WorksheetView>))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/domains/{domain}/sql/worksheets")] HttpRequest request,
        string domain,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        // Authorized before the body is read: a caller outside the domain learns nothing from validation messages.
        await access.RequireDomainAsync(caller, domain, ct);
        var query = ListQuery.From(request, WorksheetStore.Sortable, "name");
        var deleted = string.Equals(request.Query["deleted"], "true", StringComparison.OrdinalIgnoreCase);
        var workspaceId = request.Query["workspaceId"].ToString();
        var folderId = request.Query["folderId"].ToString() is { Length: > 0 } f ? f : null;
        if (deleted)
        {
            await access.RequireDomainAsync(caller, domain, ct);
            var (rows, total) = await worksheets.ListAsync(domain, null, null, caller.UserId, query, ct);
            var views = new List<WorksheetView>();
            foreach (var row in rows)
            {
                var scope = await access.FromKeyAsync(caller, domain, row.Workspace, ct);
                if (scope is not null)
                {
                    views.Add(WorksheetViews.View(row, scope, await folders.TreeAsync(scope, ct)));
                }
            }
            return ApiResults.Ok(new Page<WorksheetView>(views, total, query.Offset, query.Limit));
        }
        if (workspaceId.Length == 0)
        {
            throw ValidationException.ForField("workspaceId", "is required");
        }
        var workspace = await access.ResolveAsync(caller, domain, workspaceId, ct);
        await access.RequireAsync(caller, workspace, WorkspaceAction.View, ct);
        var tree = await folders.TreeAsync(workspace, ct);
        if (folderId is not null and not "root")
        {
            tree.RequireFolder(folderId);
        }
        var (items, count) = await worksheets.ListAsync(domain, workspace.Key, folderId, null, query, ct);
        return ApiResults.Ok(new Page<WorksheetView>(items.Select(r => WorksheetViews.View(r, workspace, tree)).ToList(), count, query.Offset, query.Limit));
    }
}
