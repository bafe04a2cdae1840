using Iomete.Functions.Identity.Auth;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Identity.Groups;

public sealed class GetGroup(ICallerAccessor callers, GroupStore groups)
{
    [Function("identity-groups-get")]
    [OpenApiOperation("Groups", "Get a group")]
    [OpenApiResponse(200, typeof(GroupView))]
    [OpenApiResponse(404)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/admin/identity/groups/{groupId}")] HttpRequest request,
        string groupId,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        AdminCheck.Require(caller, AdminRole.IamManager, forRead: true);
        return ApiResults.Ok(GroupView.From(await groups.RequireAsync(groupId, ct)));
    }
}
