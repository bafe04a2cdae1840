using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Sql.Worksheets;

public sealed class ListFolders(ICallerAccessor callers, WorkspaceAccess access, FolderStore folders)
{
    [Function("sql-folders-list")]
    [OpenApiOperation("SQL worksheets", "List the folders of a workspace", Description = "All folders at every depth, each with its parent and full path.")]
    [OpenApiResponse(200, typeof(Page<FolderView>))]
    [OpenApiResponse(404)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/domains/{domain}/sql/workspaces/{workspace}/folders")] HttpRequest request,
        string domain,
        string workspace,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        var scope = await access.ResolveAsync(caller, domain, workspace, ct);
        await access.RequireAsync(caller, scope, WorkspaceAction.View, ct);
        var tree = await folders.TreeAsync(scope, ct);
        var items = tree.Folders.Select(tree.View).OrderBy(f => f.Path, StringComparer.Ordinal).ToList();
        return ApiResults.Ok(new Page<FolderView>(items, items.Count, 0, items.Count));
    }
}
