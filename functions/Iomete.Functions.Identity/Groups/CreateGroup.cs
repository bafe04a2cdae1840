using Iomete.Functions.Identity.Auth;
using Iomete.Functions.Identity.Users;
using Iomete.Platform.Errors;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Iomete.Platform.Time;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Identity.Groups;

public sealed class CreateGroup(ICallerAccessor callers, GroupStore groups, TimeProvider clock, IIdGenerator ids)
{
    [Function("identity-groups-create")]
    [OpenApiOperation("Groups", "Create a group")]
    [OpenApiRequestBody(typeof(CreateGroupRequest))]
    [OpenApiResponse(201, typeof(GroupView))]
    [OpenApiResponse(409)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/admin/identity/groups")] HttpRequest request,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        AdminCheck.Require(caller, AdminRole.IamManager);
        var body = await RequestBody.ReadAsync<CreateGroupRequest>(request, ct);
        var name = body.Name.Trim();
        if (name.Length == 0)
        {
            throw ValidationException.ForField("name", "must not be blank");
        }

        var group = new Group(ids.NewId(), name, UserRules.Text(body.Description), User.OriginIomete, caller.Username, clock.GetUtcNow());
        await groups.InsertAsync(group, ct);
        return ApiResults.Created(GroupView.From(group), $"/api/v1/admin/identity/groups/{group.Id}");
    }
}
