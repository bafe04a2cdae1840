using Iomete.Functions.Identity.Auth;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Identity.Users;

public sealed class GetUser(ICallerAccessor callers, UserStore users)
{
    [Function("identity-users-get")]
    [OpenApiOperation("Users", "Get a user")]
    [OpenApiResponse(200, typeof(UserView))]
    [OpenApiResponse(404)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/admin/identity/users/{userId}")] HttpRequest request,
        string userId,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        AdminCheck.Require(caller, AdminRole.IamManager, forRead: true);
        return ApiResults.Ok(UserView.From(await users.RequireAsync(userId, ct)));
    }
}
