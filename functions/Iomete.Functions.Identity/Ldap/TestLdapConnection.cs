using Iomete.Functions.Identity.Auth;
using Iomete.Platform.Errors;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Identity.Ldap;

public sealed record LdapTestResult(bool Success, string Message);

public sealed class TestLdapConnection(ICallerAccessor callers, LdapConfigStore configs)
{
    [Function("identity-ldap-test-connection")]
    [OpenApiOperation("LDAP", "Connect, bind with the service account and read the users DN (optional body: a configuration to try instead of the stored one)")]
    [OpenApiRequestBody(typeof(LdapConfigRequest))]
    [OpenApiResponse(200, typeof(LdapTestResult))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/admin/identity/ldap/test-connection")] HttpRequest request,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        AdminCheck.Require(caller, AdminRole.IamManager);
        var config = await LdapRequests.ConfigOrStoredAsync(request, configs, ct);

        var settings = config.Settings;
        try
        {
            var found = await LdapDirectory.RunAsync(() =>
            {
                using var directory = LdapDirectory.Open(config);
                return directory.Search(settings.UsersDn, LdapFilter.Build(settings.UserObjectClasses, settings.UserFilters),
                    LdapUserMapper.Attributes(settings), pageSize: 1).Take(1).Count();
            }, ct);
            var who = settings.BindDn is null ? "anonymously" : $"as '{settings.BindDn}'";
            return ApiResults.Ok(new LdapTestResult(true, found == 0
                ? $"Connected and bound {who}; no user entries match under '{settings.UsersDn}'."
                : $"Connected and bound {who}; user entries found under '{settings.UsersDn}'."));
        }
        catch (LdapUnavailableException ex)
        {
            return ApiResults.Ok(new LdapTestResult(false, ex.Message));
        }
    }
}
