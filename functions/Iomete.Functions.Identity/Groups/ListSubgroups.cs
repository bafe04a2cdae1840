using Iomete.Functions.Identity.Auth;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Identity.Groups;

public sealed class ListSubgroups(ICallerAccessor callers, GroupStore groups)
{
    [Function("identity-group-subgroups-list")]
    [OpenApiOperation("Groups", "List a group's direct sub-groups")]
    [OpenApiPaged]
    [OpenApiResponse(200, typeof(Page<GroupView>))]
    [OpenApiResponse(404)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/admin/identity/groups/{groupId}/subgroups")] HttpRequest request,
        string groupId,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        AdminCheck.Require(caller, AdminRole.IamManager, forRead: true);
        var query = ListQuery.From(request, GroupStore.Sortable, "name");

        var group = await groups.RequireAsync(groupId, ct);
        var page = await groups.SubgroupsAsync(group.Id, query, ct);
        return ApiResults.Ok(new Page<GroupView>(page.Items.Select(GroupView.From).ToList(), page.Total, page.Offset, page.Limit));
    }
}
