using System.Text.Json.Serialization;
using Iomete.Platform.Functions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.Identity.Oidc;

/// <summary>OpenID Connect Discovery 1.0 metadata of the platform's provider.</summary>
public sealed record OidcDiscoveryDocument(
    [property: JsonPropertyName("issuer")] string Issuer,
    [property: JsonPropertyName("authorization_endpoint")] string AuthorizationEndpoint,
    [property: JsonPropertyName("token_endpoint")] string TokenEndpoint,
    [property: JsonPropertyName("userinfo_endpoint")] string UserInfoEndpoint,
    [property: JsonPropertyName("jwks_uri")] string JwksUri,
    [property: JsonPropertyName("response_types_supported")] IReadOnlyList<string> ResponseTypes,
    [property: JsonPropertyName("grant_types_supported")] IReadOnlyList<string> GrantTypes,
    [property: JsonPropertyName("subject_types_supported")] IReadOnlyList<string> SubjectTypes,
    [property: JsonPropertyName("id_token_signing_alg_values_supported")] IReadOnlyList<string> SigningAlgorithms,
    [property: JsonPropertyName("scopes_supported")] IReadOnlyList<string> Scopes,
    [property: JsonPropertyName("claims_supported")] IReadOnlyList<string> Claims,
    [property: JsonPropertyName("code_challenge_methods_supported")] IReadOnlyList<string> CodeChallengeMethods,
    [property: JsonPropertyName("token_endpoint_auth_methods_supported")] IReadOnlyList<string> TokenEndpointAuthMethods);

public sealed class OidcDiscovery(OidcIssuer issuer)
{
    [Function("identity-oidc-discovery")]
    [AllowAnonymousCaller]
    [OpenApiOperation("OIDC provider", "OpenID Connect discovery document")]
    [OpenApiResponse(200, typeof(OidcDiscoveryDocument))]
    public IActionResult Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = ".well-known/openid-configuration")] HttpRequest request)
    {
        var iss = issuer.For(request);
        return ProtocolResults.Json(200, new OidcDiscoveryDocument(
            iss, iss + OidcIssuer.AuthorizePath, iss + OidcIssuer.TokenPath, iss + OidcIssuer.UserInfoPath, iss + OidcIssuer.JwksPath,
            ["code"], ["authorization_code"], ["public"], ["ES256"], OidcClientRules.SupportedScopes,
            ["iss", "sub", "aud", "exp", "iat", "nonce", "preferred_username", "email", "given_name", "family_name", "name", "groups"],
            ["S256"], ["client_secret_basic", "client_secret_post"]));
    }
}
