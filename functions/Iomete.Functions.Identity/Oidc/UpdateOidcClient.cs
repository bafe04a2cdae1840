using Iomete.Functions.Identity.Auth;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Iomete.Platform.Errors;

namespace Iomete.Functions.Identity.Oidc;

public sealed class UpdateOidcClient(ICallerAccessor callers, OidcClientStore clients, TimeProvider clock)
{
    [Function("identity-oidc-clients-update")]
    [OpenApiOperation("OIDC provider", "Change an OIDC client's name, redirect URIs and scopes")]
    [OpenApiRequestBody(typeof(OidcClientRequest))]
    [OpenApiResponse(200, typeof(OidcClientView))]
    [OpenApiResponse(404)]
    [OpenApiResponse(409)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "put", Route = "api/v1/admin/identity/oidc/clients/{clientId}")] HttpRequest request,
        string clientId,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        AdminCheck.Require(caller, AdminRole.IamManager);
        var body = await RequestBody.ReadAsync<OidcClientRequest>(request, ct);
        var redirectUris = OidcClientRules.RedirectUris(body.RedirectUris);
        var scopes = OidcClientRules.Scopes(body.Scopes);

        var current = await clients.RequireAsync(clientId, ct);
        if (body.Version is { } version && version != current.Version)
        {
            throw new ConflictException($"OIDC client '{clientId}' is at version {current.Version}, not {version}; read it again and retry.");
        }
        var updated = current with { Name = body.Name.Trim(), RedirectUris = redirectUris, Scopes = scopes, UpdatedAt = clock.GetUtcNow() };
        await clients.UpdateAsync(updated, ct);
        return ApiResults.Ok(OidcClientView.From(updated with { Version = current.Version + 1 }));
    }
}
