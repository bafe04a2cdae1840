using Iomete.Functions.Identity.Auth;
using Iomete.Functions.Identity.Users;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Identity.Groups;

/// <summary>The groups a user is a direct member of (the console's user page shows them).</summary>
public sealed class ListUserGroups(ICallerAccessor callers, UserStore users, GroupStore groups)
{
    [Function("identity-users-groups-list")]
    [OpenApiOperation("Groups", "List the groups a user is a direct member of")]
    [OpenApiPaged]
    [OpenApiResponse(200, typeof(Page<GroupView>))]
    [OpenApiResponse(404)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/admin/identity/users/{userId}/groups")] HttpRequest request,
        string userId,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        var query = ListQuery.From(request, GroupStore.Sortable, "name");
        AdminCheck.Require(caller, AdminRole.IamManager, forRead: true);

        await users.RequireAsync(userId, ct);
        var page = await groups.GroupsOfUserAsync(userId, query, ct);
        return ApiResults.Ok(new Page<GroupView>(page.Items.Select(GroupView.From).ToList(), page.Total, page.Offset, page.Limit));
    }
}
