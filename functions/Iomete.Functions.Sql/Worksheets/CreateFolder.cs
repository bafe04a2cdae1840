using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Sql.Worksheets;

public sealed class CreateFolder(ICallerAccessor callers, WorkspaceAccess access, FolderStore folders)
{
    [Function("sql-folders-create")]
    [OpenApiOperation("SQL worksheets", "Create a folder in a workspace", Description = "parentId nests it in another folder of the same workspace.")]
    [OpenApiRequestBody(typeof(CreateFolderRequest))]
    [OpenApiResponse(201, typeof(FolderView))]
    [OpenApiResponse(400)]
    [OpenApiResponse(404)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/domains/{domain}/sql/workspaces/{workspace}/folders")] HttpRequest request,
        string domain,
        string workspace,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        // Authorized before the body is read: a caller outside the domain learns nothing from validation messages.
        await access.RequireDomainAsync(caller, domain, ct);
        var body = await RequestBody.ReadAsync<CreateFolderRequest>(request, ct);
        var name = NameRules.Validate(body.Name);
        var scope = await access.ResolveAsync(caller, domain, workspace, ct);
        await access.RequireAsync(caller, scope, WorkspaceAction.Put, ct);
        var tree = await folders.TreeAsync(scope, ct);
        var parent = body.ParentId is null ? null : tree.RequireFolder(body.ParentId);
        var row = await folders.CreateAsync(scope, parent, name, caller.UserId, ct);
        return ApiResults.Created((await folders.TreeAsync(scope, ct)).View(row));
    }
}
