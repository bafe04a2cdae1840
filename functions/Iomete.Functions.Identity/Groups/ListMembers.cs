using Iomete.Functions.Identity.Auth;
using Iomete.Functions.Identity.Users;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Identity.Groups;

public sealed class ListMembers(ICallerAccessor callers, GroupStore groups)
{
    [Function("identity-group-members-list")]
    [OpenApiOperation("Groups", "List a group's direct members")]
    [OpenApiPaged]
    [OpenApiResponse(200, typeof(Page<UserView>))]
    [OpenApiResponse(404)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/admin/identity/groups/{groupId}/members")] HttpRequest request,
        string groupId,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        AdminCheck.Require(caller, AdminRole.IamManager, forRead: true);
        var query = ListQuery.From(request, UserStore.Sortable, "username");

        var group = await groups.RequireAsync(groupId, ct);
        var page = await groups.MembersAsync(group.Id, query, ct);
        return ApiResults.Ok(new Page<UserView>(page.Items.Select(UserView.From).ToList(), page.Total, page.Offset, page.Limit));
    }
}
