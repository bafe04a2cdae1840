using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Sql.Worksheets;

public sealed class DeleteFolder(ICallerAccessor callers, WorkspaceAccess access, FolderStore folders)
{
    [Function("sql-folders-delete")]
    [OpenApiOperation("SQL worksheets", "Delete an empty folder", Description = "409 while it holds folders or worksheets that are not deleted.")]
    [OpenApiResponse(204)]
    [OpenApiResponse(404)]
    [OpenApiResponse(409)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "api/v1/domains/{domain}/sql/workspaces/{workspace}/folders/{folder}")] HttpRequest request,
        string domain,
        string workspace,
        string folder,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        var scope = await access.ResolveAsync(caller, domain, workspace, ct);
        await access.RequireAsync(caller, scope, WorkspaceAction.Delete, ct);
        await folders.DeleteEmptyAsync(scope, folder, ct);
        return ApiResults.NoContent();
    }
}
