using Iomete.Functions.Identity.Auth;
using Iomete.Platform.Errors;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Iomete.Functions.Identity.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Identity.Users;

public sealed class ListUsers(ICallerAccessor callers, UserStore users)
{
    [Function("identity-users-list")]
    [OpenApiOperation("Users", "List users")]
    [OpenApiPaged]
    [OpenApiQuery("type", "PERSON or SERVICE_ACCOUNT")]
    [OpenApiResponse(200, typeof(Page<UserView>))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/admin/identity/users")] HttpRequest request,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        AdminCheck.Require(caller, AdminRole.IamManager, forRead: true);
        var query = ListQuery.From(request, UserStore.Sortable, "username");
        var typeText = request.Query["type"].ToString();
        UserType? type = null;
        if (typeText.Length > 0)
        {
            type = DbEnum<UserType>.TryParse(typeText.ToUpperInvariant(), out var parsed)
                ? parsed
                : throw ValidationException.ForField("type", "must be PERSON or SERVICE_ACCOUNT");
        }

        var page = await users.ListAsync(query, type, ct);
        return ApiResults.Ok(new Page<UserView>(page.Items.Select(UserView.From).ToList(), page.Total, page.Offset, page.Limit));
    }
}
