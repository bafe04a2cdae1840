using Iomete.Functions.Identity.Auth;
using Iomete.Platform.Errors;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Identity.Ldap;

public sealed class GetLdapSyncStatus(ICallerAccessor callers, LdapSyncState state)
{
    [Function("identity-ldap-sync-status")]
    [OpenApiOperation("LDAP", "The last LDAP sync: start, end, outcome, counts, error, and the next periodic run")]
    [OpenApiResponse(200, typeof(LdapSyncStatus))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/admin/identity/ldap/sync-status")] HttpRequest request,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        AdminCheck.Require(caller, AdminRole.IamManager, forRead: true);
        return ApiResults.Ok(await state.GetAsync(ct));
    }
}
