using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Sql.Worksheets;

public sealed class CreateWorksheet(ICallerAccessor callers, WorkspaceAccess access, WorksheetCreator creator)
{
    [Function("sql-worksheets-create")]
    [OpenApiOperation("SQL worksheets", "Create a worksheet",
        Description = "workspaceId is 'my', 'shared' or a custom workspace's id; the SQL text is stored in object storage.")]
    [OpenApiRequestBody(typeof(CreateWorksheetRequest))]
    [OpenApiResponse(201, typeof(WorksheetView))]
    [OpenApiResponse(400)]
    [OpenApiResponse(404)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/domains/{domain}/sql/worksheets")] HttpRequest request,
        string domain,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        // Authorized before the body is read: a caller outside the domain learns nothing from validation messages.
        await access.RequireDomainAsync(caller, domain, ct);
        var body = await RequestBody.ReadAsync<CreateWorksheetRequest>(request, ct);
        var name = NameRules.Validate(body.Name);
        var scope = await access.ResolveAsync(caller, domain, body.WorkspaceId!, ct);
        var created = await creator.CreateAsync(caller, scope, new WorksheetCreator.Spec(
            name, body.FolderId, body.Content ?? "", body.Compute, body.Catalog, body.Database, WorksheetStore.VariablesText(body.Variables)), ct);
        var view = created.View();
        request.HttpContext.Response.Headers.ETag = WorksheetViews.ETag(view.Version);
        return ApiResults.Created(view, $"/api/v1/domains/{domain}/sql/worksheets/{view.Id}");
    }
}
