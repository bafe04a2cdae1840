using Iomete.Functions.Identity.Auth;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Iomete.Platform.Time;

namespace Iomete.Functions.Identity.Oidc;

/// <summary>Registers a relying party; the answer carries its generated secret, never shown again.</summary>
public sealed class CreateOidcClient(ICallerAccessor callers, OidcClientStore clients, TimeProvider clock)
{
    [Function("identity-oidc-clients-create")]
    [OpenApiOperation("OIDC provider", "Register an OIDC client (the secret is shown once)")]
    [OpenApiRequestBody(typeof(OidcClientRequest))]
    [OpenApiResponse(201, typeof(OidcClientView))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/admin/identity/oidc/clients")] HttpRequest request,
        CancellationToken ct)
    {
        var caller = await callers.RequireAsync(request, ct);
        AdminCheck.Require(caller, AdminRole.IamManager);
        var body = await RequestBody.ReadAsync<OidcClientRequest>(request, ct);
        var redirectUris = OidcClientRules.RedirectUris(body.RedirectUris);
        var scopes = OidcClientRules.Scopes(body.Scopes);

        var secret = SecretTokens.New("iomc_");
        var now = clock.GetUtcNow();
        var client = new OidcClient(SecretTokens.New("iomcid_")[..30], body.Name.Trim(), SecretTokens.Hash(secret), redirectUris, scopes,
            caller.Username, now, now, 1);
        await clients.InsertAsync(client, ct);
        return ApiResults.Created(OidcClientView.From(client) with { ClientSecret = secret }, $"/api/v1/admin/identity/oidc/clients/{client.ClientId}");
    }
}
