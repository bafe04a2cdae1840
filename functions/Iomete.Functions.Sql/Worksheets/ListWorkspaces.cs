using Iomete.Platform.Functions;
using Iomete.Platform.Security;
using Iomete.Platform.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Sql.Worksheets;

public sealed class ListWorkspaces(ICallerAccessor callers, WorkspaceAccess access, WorkspaceStore workspaces)
{
    [Function("sql-workspaces-list")]
    [OpenApiOperation("SQL worksheets", "List the workspaces the caller can see",
        Description = "My Workspace (id 'my'), Shared (id 'shared') and the custom workspaces the caller may VIEW.")]
    [OpenApiResponse(200, typeof(Page<WorkspaceView>))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/domains/{domain}/sql/workspaces")] HttpRequest request,
        string domain,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        await access.RequireDomainAsync(caller, domain, ct);
        var items = new List<WorkspaceView>
        {
            new(WorkspaceScope.My, WorkspaceScope.MyName, WorkspaceKind.Personal, null, null, null, null),
            new(WorkspaceScope.Shared, WorkspaceScope.SharedName, WorkspaceKind.Shared, null, null, null, null),
        };
        foreach (var row in await workspaces.ListAsync(domain, ct))
        {
            var scope = new WorkspaceScope(domain, row.Id, "ws:" + row.Id, row.Name, WorkspaceKind.Custom);
            if (await access.AllowsAsync(caller, scope, WorkspaceAction.View, ct))
            {
                items.Add(WorkspaceStore.View(row));
            }
        }
        return ApiResults.Ok(new Page<WorkspaceView>(items, items.Count, 0, items.Count));
    }
}
