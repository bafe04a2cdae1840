using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Sql.Worksheets;

public sealed class RenameWorksheet(ICallerAccessor callers, WorksheetLoader loader, WorksheetStore worksheets, WorkspaceAccess domainAccess)
{
    [Function("sql-worksheets-rename")]
    [OpenApiOperation("SQL worksheets", "Rename a worksheet")]
    [OpenApiRequestBody(typeof(RenameWorksheetRequest))]
    [OpenApiResponse(200, typeof(WorksheetView))]
    [OpenApiResponse(400)]
    [OpenApiResponse(404)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/domains/{domain}/sql/worksheets/{id}/rename")] HttpRequest request,
        string domain,
        string id,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        // Authorized before the body is read: a caller outside the domain learns nothing from validation messages.
        await domainAccess.RequireDomainAsync(caller, domain, ct);
        var name = NameRules.Validate((await RequestBody.ReadAsync<RenameWorksheetRequest>(request, ct)).Name);
        await loader.LoadAsync(caller, domain, id, WorkspaceAction.Put, ct);
        await worksheets.RenameAsync(id, name, ct);
        return ApiResults.Ok((await loader.LoadAsync(caller, domain, id, WorkspaceAction.View, ct)).View());
    }
}
