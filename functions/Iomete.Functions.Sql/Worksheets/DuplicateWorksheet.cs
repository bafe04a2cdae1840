using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Sql.Worksheets;

public sealed class DuplicateWorksheet(ICallerAccessor callers, WorksheetLoader loader, WorksheetCreator creator, WorksheetContent content)
{
    [Function("sql-worksheets-duplicate")]
    [OpenApiOperation("SQL worksheets", "Duplicate a worksheet", Description = "The copy sits next to the original; its name defaults to '<name> (copy)'.")]
    [OpenApiRequestBody(typeof(DuplicateWorksheetRequest))]
    [OpenApiResponse(201, typeof(WorksheetView))]
    [OpenApiResponse(404)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/domains/{domain}/sql/worksheets/{id}/duplicate")] HttpRequest request,
        string domain,
        string id,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        var body = request.ContentLength is null or 0 ? new DuplicateWorksheetRequest(null) : await RequestBody.ReadAsync<DuplicateWorksheetRequest>(request, ct);
        var source = await loader.LoadAsync(caller, domain, id, WorkspaceAction.View, ct);
        var name = body.Name is null ? NameRules.CopyOf(source.Row.Name) : NameRules.Validate(body.Name);
        var r = source.Row;
        var copy = await creator.CreateAsync(caller, source.Scope, new WorksheetCreator.Spec(
            name, r.FolderId, await content.ReadAsync(id, ct), r.Compute, r.Catalog, r.DatabaseName, r.Variables), ct);
        var view = copy.View();
        return ApiResults.Created(view, $"/api/v1/domains/{domain}/sql/worksheets/{view.Id}");
    }
}
