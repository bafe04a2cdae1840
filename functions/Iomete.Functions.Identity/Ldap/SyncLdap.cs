using Iomete.Functions.Identity.Auth;
using Iomete.Platform.Errors;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Identity.Ldap;

/// <param name="IncludeGroups">Also sync groups (default: when group sync is enabled).</param>
public sealed record LdapSyncRequest(bool? IncludeGroups = null);

public sealed class SyncLdap(ICallerAccessor callers, LdapConfigStore configs, LdapSyncRunner runner)
{
    [Function("identity-ldap-sync")]
    [OpenApiOperation("LDAP", "Sync users (and groups) from LDAP now; one sync at a time")]
    [OpenApiRequestBody(typeof(LdapSyncRequest))]
    [OpenApiResponse(200, typeof(LdapSyncCounts))]
    [OpenApiResponse(409)]
    [OpenApiResponse(502)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/admin/identity/ldap/sync")] HttpRequest request,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        var body = LdapRequests.HasBody(request) ? await RequestBody.ReadAsync<LdapSyncRequest>(request, ct) : new LdapSyncRequest();
        AdminCheck.Require(caller, AdminRole.IamManager);

        var includeGroups = body.IncludeGroups ?? (await configs.GetAsync(ct))?.Settings.GroupSync.Enabled ?? false;
        return ApiResults.Ok(await runner.RunNowAsync(includeGroups, ct));
    }
}
