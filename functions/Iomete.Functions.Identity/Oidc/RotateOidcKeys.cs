using Iomete.Functions.Identity.Auth;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Identity.Oidc;

public sealed record SigningKeyView(string Kid, DateTimeOffset CreatedAt);

/// <summary>Starts signing with a new key now; the old public key stays in the JWKS until its tokens have expired.</summary>
public sealed class RotateOidcKeys(ICallerAccessor callers, SigningKeyStore keys)
{
    [Function("identity-oidc-keys-rotate")]
    [OpenApiOperation("OIDC provider", "Rotate the ID token signing key")]
    [OpenApiResponse(200, typeof(SigningKeyView))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/admin/identity/oidc/keys/rotate")] HttpRequest request,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        AdminCheck.Require(caller, AdminRole.IamManager);
        var key = await keys.RotateAsync(ct);
        return ApiResults.Ok(new SigningKeyView(key.Kid, key.CreatedAt));
    }
}
