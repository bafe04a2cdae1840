using Iomete.Functions.Identity.Auth;
using Iomete.Platform.Errors;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Identity.Ldap;

public sealed class GetLdapConfig(ICallerAccessor callers, LdapConfigStore configs)
{
    [Function("identity-ldap-get")]
    [OpenApiOperation("LDAP", "Get the LDAP configuration (the bind credential is never shown)")]
    [OpenApiResponse(200, typeof(LdapConfigView))]
    [OpenApiResponse(404)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/admin/identity/ldap")] HttpRequest request,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        AdminCheck.Require(caller, AdminRole.IamManager, forRead: true);
        var stored = await configs.GetAsync(ct) ?? throw new NotFoundException("LDAP configuration", "default");
        return ApiResults.Ok(stored.ToView());
    }
}
