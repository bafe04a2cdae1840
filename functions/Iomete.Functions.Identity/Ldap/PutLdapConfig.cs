using Iomete.Functions.Identity.Auth;
using Iomete.Platform.Errors;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Identity.Ldap;

public sealed class PutLdapConfig(ICallerAccessor callers, LdapConfigStore configs, LdapSyncState state)
{
    [Function("identity-ldap-put")]
    [OpenApiOperation("LDAP", "Create or replace the LDAP configuration")]
    [OpenApiRequestBody(typeof(LdapConfigRequest))]
    [OpenApiResponse(200, typeof(LdapConfigView))]
    [OpenApiResponse(409)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/v1/admin/identity/ldap")] HttpRequest request,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        AdminCheck.Require(caller, AdminRole.IamManager);
        var body = await RequestBody.ReadAsync<LdapConfigRequest>(request, ct);
        var settings = body.ToSettings();

        LdapRequests.RequireCredentialForNewTarget(settings, body.BindCredential, await configs.GetAsync(ct));
        var saved = await configs.SaveAsync(settings, body.BindCredential, body.Version, caller.Username, ct);
        await state.ScheduleAsync(settings.Enabled ? TimeSpan.FromSeconds(settings.SyncIntervalSeconds) : null, ct);
        return ApiResults.Ok(saved.ToView());
    }
}
