using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Sql.Worksheets;

public sealed class GetWorksheet(ICallerAccessor callers, WorksheetLoader loader, WorksheetContent content)
{
    [Function("sql-worksheets-get")]
    [OpenApiOperation("SQL worksheets", "Get a worksheet with its SQL text", Description = "The ETag header carries the version a save must send back.")]
    [OpenApiResponse(200, typeof(WorksheetDocument))]
    [OpenApiResponse(404)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/domains/{domain}/sql/worksheets/{id}")] HttpRequest request,
        string domain,
        string id,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        var loaded = await loader.LoadAsync(caller, domain, id, WorkspaceAction.View, ct);
        request.HttpContext.Response.Headers.ETag = WorksheetViews.ETag(loaded.Row.Version);
        return ApiResults.Ok(new WorksheetDocument(loaded.View(), await content.ReadAsync(id, ct)));
    }
}
