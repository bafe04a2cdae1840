using System.Text.Json.Serialization;
using Iomete.Platform.Errors;
using Iomete.Platform.Functions;
using Iomete.Platform.Http;
using Iomete.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Iomete.Functions.IcebergRest.OAuth;

/// <summary>The spec's OAuthTokenResponse.</summary>
public sealed record OAuthTokenResponse(
    [property: JsonPropertyName("access_token")] string AccessToken,
    [property: JsonPropertyName("token_type")] string TokenType,
    [property: JsonPropertyName("issued_token_type")] string IssuedTokenType);

/// <summary>The spec's OAuthError (RFC 6749 §5.2).</summary>
public sealed record OAuthError(
    [property: JsonPropertyName("error")] string Error,
    [property: JsonPropertyName("error_description")] string? ErrorDescription);

/// <summary>
/// The deprecated client-credentials exchange: the client secret is a platform access token and is
/// handed back as the bearer token. Anonymous by nature (the secret is the credential). No
/// <c>expires_in</c> is sent: the platform does not expose the token's remaining lifetime here.
/// </summary>
public sealed class ExchangeToken(ICallerAccessor callers)
{
    public const string AccessTokenType = "urn:ietf:params:oauth:token-type:access_token";

    [Function("iceberg-oauth-tokens")]
    [AllowAnonymousCaller]
    [OpenApiOperation("Iceberg REST catalog", "Exchange client credentials for a token (deprecated in the spec)",
        Description = "Form body: grant_type=client_credentials, client_secret=<platform access token>, optional client_id=<username>.")]
    [OpenApiResponse(200, typeof(OAuthTokenResponse))]
    [OpenApiResponse(400, typeof(OAuthError))]
    [OpenApiResponse(401, typeof(OAuthError))]
    public async Task<IActionResult> Run(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "catalogs/{catalog}/v1/oauth/tokens")] HttpRequest request,
        string catalog,
        CancellationToken ct)
    {
        if (!request.HasFormContentType)
        {
            return Error(400, "invalid_request", "Send an application/x-www-form-urlencoded body.");
        }
        var form = await request.ReadFormAsync(ct);
        if (form["grant_type"].ToString() != "client_credentials")
        {
            return Error(400, form.ContainsKey("grant_type") ? "unsupported_grant_type" : "invalid_request", "grant_type must be client_credentials.");
        }
        var secret = form["client_secret"].ToString();
        if (secret.Length == 0)
        {
            return Error(400, "invalid_request", "client_secret (a platform access token) is required.");
        }

        var probe = new DefaultHttpContext();
        probe.Request.Headers.Authorization = "Bearer " + secret;
        Caller caller;
        try
        {
            caller = await callers.RequireAsync(probe.Request, ct);
        }
        catch (UnauthorizedException)
        {
            return Error(401, "invalid_client", "The client secret is not a valid access token.");
        }
        var clientId = form["client_id"].ToString();
        if (clientId.Length > 0 && !string.Equals(clientId, caller.Username, StringComparison.Ordinal))
        {
            return Error(401, "invalid_client", "client_id does not match the token's user.");
        }
        return ApiResults.Ok(new OAuthTokenResponse(secret, "bearer", AccessTokenType));
    }

    private static IActionResult Error(int status, string error, string description) =>
        ApiResults.Json(status, new OAuthError(error, description));
}
