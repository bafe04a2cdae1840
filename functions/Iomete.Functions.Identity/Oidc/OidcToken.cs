using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Serialization;
using Iomete.Functions.Identity.Auth;
using Iomete.Functions.Identity.Users;
using Iomete.Platform.Functions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.IdentityModel.Tokens;

namespace Iomete.Functions.Identity.Oidc;

/// <summary>The token endpoint's answer; the access token is a normal session access token of the platform.</summary>
public sealed record OidcTokenResponse(
    [property: JsonPropertyName("access_token")] string AccessToken,
    [property: JsonPropertyName("token_type")] string TokenType,
    [property: JsonPropertyName("expires_in")] long ExpiresIn,
    [property: JsonPropertyName("id_token")] string IdToken,
    [property: JsonPropertyName("scope")] string Scope);

/// <summary>Token endpoint (RFC 6749 §4.1.3, PKCE RFC 7636): an authorization code, once, for an ID token and an access token.</summary>
public sealed class OidcToken(OidcClientStore clients, OidcCodeStore codes, UserStore users, SessionStore sessions, IdTokenIssuer idTokens, OidcIssuer issuer)
{
    [Function("identity-oidc-token")]
    [AllowAnonymousCaller]
    [OpenApiOperation("OIDC provider", "Token endpoint (authorization_code with PKCE; client_secret_basic or client_secret_post)")]
    [OpenApiResponse(200, typeof(OidcTokenResponse))]
    [OpenApiResponse(400)]
    [OpenApiResponse(401)]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/v1/identity/oidc/token")] HttpRequest request,
        CancellationToken ct)
    {
        if (!request.HasFormContentType)
        {
            return ProtocolResults.OAuthError("invalid_request", "The body must be application/x-www-form-urlencoded.");
        }
        var form = await request.ReadFormAsync(ct);
        string Field(string name) => form[name] is { Count: 1 } v ? v[0] ?? "" : "";

        var credentials = ClientCredentials(request, Field("client_id"), Field("client_secret"));
        if (credentials is null)
        {
            return ProtocolResults.OAuthError("invalid_request", "Authenticate the client with client_secret_basic or client_secret_post, not both.");
        }
        var client = credentials.Value.Id.Length > 0 ? await clients.AuthenticateAsync(credentials.Value.Id, credentials.Value.Secret, ct) : null;
        if (client is null)
        {
            return ProtocolResults.OAuthError("invalid_client", "Client authentication failed.");
        }
        if (Field("grant_type") != "authorization_code")
        {
            return ProtocolResults.OAuthError("unsupported_grant_type", "Only grant_type=authorization_code is supported.");
        }
        var verifier = Field("code_verifier");
        if (Field("code").Length == 0 || verifier.Length is < 43 or > 128 || !verifier.All(AuthorizeParameters.IsUnreserved))
        {
            return ProtocolResults.OAuthError("invalid_request", "code and code_verifier (43 to 128 unreserved characters) are required.");
        }

        var grant = await codes.RedeemAsync(Field("code"), ct);
        if (grant is null || grant.ClientId != client.ClientId || grant.RedirectUri != Field("redirect_uri"))
        {
            return ProtocolResults.OAuthError("invalid_grant", "The code is invalid, expired, used already, or was issued to another client or redirect URI.");
        }
        if (!ChallengeMatches(grant.CodeChallenge, verifier))
        {
            return ProtocolResults.OAuthError("invalid_grant", "The code_verifier does not match the code_challenge.");
        }
        var user = await users.GetAsync(grant.UserId, ct);
        if (user is null || user.Status != UserStatus.Active)
        {
            return ProtocolResults.OAuthError("invalid_grant", "The user of this code can no longer sign in.");
        }

        var idToken = await idTokens.IssueAsync(issuer.For(request), client.ClientId, user, grant, ct);
        var session = await sessions.CreateAsync(user.Id, request.HttpContext.Connection.RemoteIpAddress?.ToString(), ct);
        return ProtocolResults.Json(200, new OidcTokenResponse(session.AccessToken, "Bearer", (long)session.AccessLifetime.TotalSeconds, idToken, grant.Scope));
    }

    /// <summary>The client's id and secret from Basic auth (form-encoded per RFC 6749 §2.3.1) or the form; null when both are sent.</summary>
    private static (string Id, string Secret)? ClientCredentials(HttpRequest request, string formId, string formSecret)
    {
        if (!AuthenticationHeaderValue.TryParse(request.Headers.Authorization.ToString(), out var header) ||
            !string.Equals(header.Scheme, "Basic", StringComparison.OrdinalIgnoreCase))
        {
            return (formId, formSecret);
        }
        if (formSecret.Length > 0)
        {
            return null;
        }
        try
        {
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header.Parameter ?? ""));
            var colon = decoded.IndexOf(':', StringComparison.Ordinal);
            return colon < 0 ? ("", "") : (Uri.UnescapeDataString(decoded[..colon].Replace('+', ' ')), Uri.UnescapeDataString(decoded[(colon + 1)..].Replace('+', ' ')));
        }
        catch (FormatException)
        {
            return ("", "");
        }
    }

    private static bool ChallengeMatches(string challenge, string verifier)
    {
        var computed = Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(computed), Encoding.ASCII.GetBytes(challenge));
    }
}
