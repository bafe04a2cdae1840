using System.Text.Json.Nodes;
using Iomete.Platform.Functions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Identity.Oidc;

/// <summary>The JSON Web Key Set relying parties verify ID tokens with.</summary>
public sealed class OidcJwks(SigningKeyStore keys)
{
    [Function("identity-oidc-jwks")]
    [AllowAnonymousCaller]
    [OpenApiOperation("OIDC provider", "Public signing keys (JWKS)")]
    [OpenApiResponse(200)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/v1/identity/oidc/jwks")] HttpRequest request,
        CancellationToken ct)
    {
        var published = await keys.PublishedAsync(ct);
        var set = new JsonObject { ["keys"] = new JsonArray(published.Select(k => (JsonNode)k.PublicJwk.DeepClone()).ToArray()) };
        return ProtocolResults.Json(200, set);
    }
}
