using Iomete.Functions.Identity.Auth;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Identity.Groups;

public sealed class ListGroups(ICallerAccessor callers, GroupStore groups)
{
    [Function("identity-groups-list")]
    [OpenApiOperation("Groups", "List groups")]
    [OpenApiPaged]
    [OpenApiResponse(200, typeof(Page<GroupView>))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/admin/identity/groups")] HttpRequest request,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        AdminCheck.Require(caller, AdminRole.IamManager, forRead: true);
        var query = ListQuery.From(request, GroupStore.Sortable, "name");

        var page = await groups.ListAsync(query, ct);
        return ApiResults.Ok(new Page<GroupView>(page.Items.Select(GroupView.From).ToList(), page.Total, page.Offset, page.Limit));
    }
}
