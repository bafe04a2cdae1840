using Iomete.Functions.Identity.Auth;
using Iomete.Platform.Errors;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Identity.Ldap;

public sealed class DeleteLdapConfig(ICallerAccessor callers, LdapConfigStore configs, LdapSyncState state)
{
    [Function("identity-ldap-delete")]
    [OpenApiOperation("LDAP", "Delete the LDAP configuration (imported users and groups stay; see DELETE .../ldap/imported)")]
    [OpenApiResponse(204)]
    [OpenApiResponse(404)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "delete", Route = "api/v1/admin/identity/ldap")] HttpRequest request,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        AdminCheck.Require(caller, AdminRole.IamManager);
        if (!await configs.DeleteAsync(ct))
        {
            throw new NotFoundException("LDAP configuration", "default");
        }
        await state.ScheduleAsync(null, ct);
        return ApiResults.NoContent();
    }
}
