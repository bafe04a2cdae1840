using System.ComponentModel.DataAnnotations;
using Iomete.Functions.Identity.Auth;
using Iomete.Platform.Errors;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Identity.Ldap;

public sealed record LdapTestAuthenticationRequest([property: Required, MaxLength(256)] string Username, [property: Required(AllowEmptyStrings = true)] string Password);

/// <summary>The outcome and, on success, the user's fields as the attribute mapping reads them.</summary>
public sealed record LdapTestAuthenticationResult(bool Success, string Message, LdapUser? User);

public sealed class TestLdapAuthentication(ICallerAccessor callers, LdapConfigStore configs, LdapAuthenticator authenticator)
{
    [Function("identity-ldap-test-authentication")]
    [OpenApiOperation("LDAP", "Find a user in the directory and bind as it with a password (the stored configuration, enabled or not)")]
    [OpenApiRequestBody(typeof(LdapTestAuthenticationRequest))]
    [OpenApiResponse(200, typeof(LdapTestAuthenticationResult))]
    [OpenApiResponse(404)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/admin/identity/ldap/test-authentication")] HttpRequest request,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        AdminCheck.Require(caller, AdminRole.IamManager);
        var body = await RequestBody.ReadAsync<LdapTestAuthenticationRequest>(request, ct);

        var stored = await configs.GetAsync(ct) ?? throw new NotFoundException("LDAP configuration", "default");
        var username = body.Username.Trim().ToLowerInvariant();
        try
        {
            var user = await authenticator.FindAndBindAsync(configs.Decrypt(stored), username, body.Password, ct);
            return ApiResults.Ok(user is null
                ? new LdapTestAuthenticationResult(false, "No single user entry has this username, or the password is wrong.", null)
                : new LdapTestAuthenticationResult(true, $"Authenticated as '{user.Dn}'.", user));
        }
        catch (ApiException ex) when (ex.Status == 503)
        {
            return ApiResults.Ok(new LdapTestAuthenticationResult(false, ex.Detail ?? ex.Message, null));
        }
    }
}
