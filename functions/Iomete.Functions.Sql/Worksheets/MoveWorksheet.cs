using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Sql.Worksheets;

public sealed class MoveWorksheet(ICallerAccessor callers, WorksheetLoader loader, WorkspaceAccess access, FolderStore folders, WorksheetStore worksheets)
{
    [Function("sql-worksheets-move")]
    [OpenApiOperation("SQL worksheets", "Move a worksheet to another folder or workspace",
        Description = "Needs MOVE where it is and PUT where it goes; folderId null moves it to the workspace's top level.")]
    [OpenApiRequestBody(typeof(MoveWorksheetRequest))]
    [OpenApiResponse(200, typeof(WorksheetView))]
    [OpenApiResponse(404)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/domains/{domain}/sql/worksheets/{id}/move")] HttpRequest request,
        string domain,
        string id,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        // Authorized before the body is read: a caller outside the domain learns nothing from validation messages.
        await access.RequireDomainAsync(caller, domain, ct);
        var body = await RequestBody.ReadAsync<MoveWorksheetRequest>(request, ct);
        await loader.LoadAsync(caller, domain, id, WorkspaceAction.Move, ct);
        var target = await access.ResolveAsync(caller, domain, body.WorkspaceId!, ct);
        await access.RequireAsync(caller, target, WorkspaceAction.Put, ct);
        var tree = await folders.TreeAsync(target, ct);
        var folderId = body.FolderId is null ? null : tree.RequireFolder(body.FolderId);
        await worksheets.MoveAsync(id, target.Key, folderId, ct);
        return ApiResults.Ok((await loader.LoadAsync(caller, domain, id, WorkspaceAction.View, ct)).View());
    }
}
