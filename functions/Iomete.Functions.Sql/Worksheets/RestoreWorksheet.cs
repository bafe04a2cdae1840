using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Sql.Worksheets;

public sealed class RestoreWorksheet(ICallerAccessor callers, WorksheetLoader loader, WorksheetStore worksheets)
{
    [Function("sql-worksheets-restore")]
    [OpenApiOperation("SQL worksheets", "Restore a deleted worksheet",
        Description = "Only its owner or whoever deleted it; it returns to its folder, or to the top level when that folder is gone.")]
    [OpenApiResponse(200, typeof(WorksheetView))]
    [OpenApiResponse(404)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/domains/{domain}/sql/worksheets/{id}/restore")] HttpRequest request,
        string domain,
        string id,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        var deleted = await loader.LoadAsync(caller, domain, id, WorkspaceAction.Put, ct, deleted: true);
        await worksheets.RestoreAsync(id, deleted.Tree.Contains(deleted.Row.FolderId) ? deleted.Row.FolderId : null, ct);
        return ApiResults.Ok((await loader.LoadAsync(caller, domain, id, WorkspaceAction.View, ct)).View());
    }
}
