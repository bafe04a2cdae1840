using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Sql.Worksheets;

public sealed class DeleteWorksheet(ICallerAccessor callers, WorksheetLoader loader, WorksheetStore worksheets)
{
    [Function("sql-worksheets-delete")]
    [OpenApiOperation("SQL worksheets", "Delete a worksheet (soft)", Description = "Its owner (or whoever deleted it) can restore it; the SQL text is kept.")]
    [OpenApiResponse(204)]
    [OpenApiResponse(404)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "api/v1/domains/{domain}/sql/worksheets/{id}")] HttpRequest request,
        string domain,
        string id,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        await loader.LoadAsync(caller, domain, id, WorkspaceAction.Delete, ct);
        await worksheets.SoftDeleteAsync(id, caller.UserId, ct);
        return ApiResults.NoContent();
    }
}
