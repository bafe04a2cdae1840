using Iomete.Functions.Identity.Groups;
using Iomete.Functions.Identity.Users;
using Iomete.Functions.Identity.Auth;
using Iomete.Platform.Errors;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Identity.Ldap;

public sealed record LdapImportedRemoved(int UsersDeleted, int GroupsDeleted);

public sealed class DeleteLdapImported(ICallerAccessor callers, LdapSyncStore store, UserStore users, GroupStore groups)
{
    [Function("identity-ldap-delete-imported")]
    [OpenApiOperation("LDAP", "Delete every user and group whose origin is LDAP")]
    [OpenApiResponse(200, typeof(LdapImportedRemoved))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "api/v1/admin/identity/ldap/imported")] HttpRequest request,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        AdminCheck.Require(caller, AdminRole.IamManager);

        var (userIds, groupIds) = await store.ImportedAsync(ct);
        var usersDeleted = 0;
        foreach (var id in userIds)
        {
            usersDeleted += await users.DeleteAsync(id, ct) ? 1 : 0;
        }
        var groupsDeleted = 0;
        foreach (var id in groupIds)
        {
            groupsDeleted += await groups.DeleteAsync(id, ct) ? 1 : 0;
        }
        return ApiResults.Ok(new LdapImportedRemoved(usersDeleted, groupsDeleted));
    }
}
