using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Identity.Domains;

/// <summary>The caller and the domains it can work in (IOMETE's <c>/api/v2/user</c>).</summary>
public sealed record CurrentUserView(
    string Id,
    string Username,
    UserType Type,
    bool IsSuperAdmin,
    IReadOnlyList<AdminRole> AdminRoles,
    IReadOnlyList<string> GroupIds,
    IReadOnlyList<UserDomain> Domains);

public sealed class GetCurrentUser(ICallerAccessor callers, UserDomainsQuery userDomains)
{
    [Function("identity-current-user-v2")]
    [OpenApiOperation("Users", "The current user with the domains it can access")]
    [OpenApiResponse(200, typeof(CurrentUserView))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v2/user")] HttpRequest request,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        var domains = await userDomains.ListAsync(caller, ct);
        return ApiResults.Ok(new CurrentUserView(caller.UserId, caller.Username, caller.Type, caller.IsSuperAdmin,
            caller.AdminRoles.Order().ToList(), caller.GroupIds.Order(StringComparer.Ordinal).ToList(), domains));
    }
}
