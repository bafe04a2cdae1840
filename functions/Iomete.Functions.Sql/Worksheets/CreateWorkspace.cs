using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Sql.Worksheets;

public sealed class CreateWorkspace(ICallerAccessor callers, IAccessControl access, IAssetRegistry assets, WorkspaceStore workspaces, WorkspaceAccess domainAccess)
{
    [Function("sql-workspaces-create")]
    [OpenApiOperation("SQL worksheets", "Create a custom workspace",
        Description = "Names are unique across all domains. Needs MANAGE_SHARED_WORKSHEET in the domain (domain owners and domain managers " +
                      "have it); the workspace becomes a WORKSPACE asset of the given resource bundle, whose VIEW/PUT/MOVE/DELETE grants then apply.")]
    [OpenApiRequestBody(typeof(CreateWorkspaceRequest))]
    [OpenApiResponse(201, typeof(WorkspaceView))]
    [OpenApiResponse(400)]
    [OpenApiResponse(409)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/domains/{domain}/sql/workspaces")] HttpRequest request,
        string domain,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        // Authorized before the body is read: a caller outside the domain learns nothing from validation messages.
        await domainAccess.RequireDomainAsync(caller, domain, ct);
        var body = await RequestBody.ReadAsync<CreateWorkspaceRequest>(request, ct);
        var name = NameRules.Validate(body.Name);
        if (name is WorkspaceScope.My or WorkspaceScope.Shared || name == WorkspaceScope.MyName || name == WorkspaceScope.SharedName)
        {
            throw Platform.Errors.ValidationException.ForField("name", "is reserved for a built-in workspace");
        }
        await access.RequireDomainPermissionAsync(caller, domain, DomainPermission.ManageSharedWorksheet, ct);
        var row = await workspaces.CreateAsync(domain, name, body.Description, body.BundleId!, caller.UserId, ct);
        try
        {
            await assets.RegisterAsync(caller, domain, body.BundleId!, AssetType.Workspace, row.Id, ct);
        }
        catch
        {
            await workspaces.DeleteAsync(row.Id, CancellationToken.None);
            throw;
        }
        return ApiResults.Created(WorkspaceStore.View(row), $"/api/v1/domains/{domain}/sql/workspaces/{row.Id}");
    }
}
